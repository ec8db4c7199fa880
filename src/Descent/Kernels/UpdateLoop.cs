using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Descent.Kernels;

/// <summary>
/// The one loop per arity that drives a kernel operator over a slice: one pass over memory, every
/// element touched exactly once (the update is in place, so nothing may be processed twice).
/// </summary>
public static class UpdateLoop
{
    /// <summary>Runs a stateless update over <paramref name="p"/>.</summary>
    public static void Run<T, TOp>(in TOp op, Span<T> p, ReadOnlySpan<T> g)
        where T : unmanaged where TOp : struct, IUpdate0<T>
    {
        CheckLengths(p.Length, g.Length);
        ref T pr = ref MemoryMarshal.GetReference(p);
        ref T gr = ref MemoryMarshal.GetReference(g);
        for (nint i = 0; i < p.Length; i++)
            op.Apply(ref Unsafe.Add(ref pr, i), Unsafe.Add(ref gr, i));
    }

    /// <summary>Runs a one-state update over <paramref name="p"/>.</summary>
    public static void Run<T, TOp>(in TOp op, Span<T> p, ReadOnlySpan<T> g, Span<T> s)
        where T : unmanaged where TOp : struct, IUpdate1<T>
    {
        CheckLengths(p.Length, g.Length, s.Length);
        ref T pr = ref MemoryMarshal.GetReference(p);
        ref T gr = ref MemoryMarshal.GetReference(g);
        ref T sr = ref MemoryMarshal.GetReference(s);
        for (nint i = 0; i < p.Length; i++)
            op.Apply(ref Unsafe.Add(ref pr, i), Unsafe.Add(ref gr, i), ref Unsafe.Add(ref sr, i));
    }

    /// <summary>Runs a two-state update over <paramref name="p"/>.</summary>
    public static void Run<T, TOp>(in TOp op, Span<T> p, ReadOnlySpan<T> g, Span<T> s1, Span<T> s2)
        where T : unmanaged where TOp : struct, IUpdate2<T>
    {
        CheckLengths(p.Length, g.Length, s1.Length, s2.Length);
        ref T pr = ref MemoryMarshal.GetReference(p);
        ref T gr = ref MemoryMarshal.GetReference(g);
        ref T s1r = ref MemoryMarshal.GetReference(s1);
        ref T s2r = ref MemoryMarshal.GetReference(s2);
        for (nint i = 0; i < p.Length; i++)
            op.Apply(ref Unsafe.Add(ref pr, i), Unsafe.Add(ref gr, i), ref Unsafe.Add(ref s1r, i), ref Unsafe.Add(ref s2r, i));
    }

    /// <summary>Runs a three-state update over <paramref name="p"/>.</summary>
    public static void Run<T, TOp>(in TOp op, Span<T> p, ReadOnlySpan<T> g, Span<T> s1, Span<T> s2, Span<T> s3)
        where T : unmanaged where TOp : struct, IUpdate3<T>
    {
        CheckLengths(p.Length, g.Length, s1.Length, s2.Length, s3.Length);
        ref T pr = ref MemoryMarshal.GetReference(p);
        ref T gr = ref MemoryMarshal.GetReference(g);
        ref T s1r = ref MemoryMarshal.GetReference(s1);
        ref T s2r = ref MemoryMarshal.GetReference(s2);
        ref T s3r = ref MemoryMarshal.GetReference(s3);
        for (nint i = 0; i < p.Length; i++)
            op.Apply(ref Unsafe.Add(ref pr, i), Unsafe.Add(ref gr, i), ref Unsafe.Add(ref s1r, i), ref Unsafe.Add(ref s2r, i), ref Unsafe.Add(ref s3r, i));
    }

    private static void CheckLengths(int n, params ReadOnlySpan<int> others)
    {
        foreach (int m in others)
            if (m != n) throw new ArgumentException($"Buffer lengths differ: parameters have {n} elements, another buffer {m}.");
    }
}
