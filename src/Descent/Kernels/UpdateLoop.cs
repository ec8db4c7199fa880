using System.Numerics;
using System.Runtime.CompilerServices;

namespace Descent.Kernels;

/// <summary>
/// The one loop per arity that drives a kernel operator over a slice: the widest SIMD width the
/// machine accelerates, then a scalar tail. Every element is touched exactly once (the update is in
/// place, so the overlapping-tail trick of TensorPrimitives would apply it twice). Large slices are
/// split into chunks stepped in parallel. Every pass is told its <see cref="KernelSettings"/> (width,
/// threads): an optimizer passes those of its options.
/// </summary>
public static unsafe class UpdateLoop
{
    /// <summary>Runs a stateless update over <paramref name="p"/> at the width <paramref name="settings"/> asks for.</summary>
    public static void Run<T, TOp>(KernelSettings settings, in TOp op, Span<T> p, ReadOnlySpan<T> g)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate0<T> =>
        Run(settings, default(GradientPrologue<T>), op, p, g);

    /// <summary>The same, after the shared <paramref name="pre"/> stages (clipping, weight decay).</summary>
    public static void Run<T, TOp>(KernelSettings settings, in GradientPrologue<T> pre, in TOp op, Span<T> p, ReadOnlySpan<T> g)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate0<T>
    {
        switch (settings.Effective)
        {
            case VectorWidth.V512: Run<T, TOp, Lanes512<T>>(settings, pre, op, p, g); break;
            case VectorWidth.V256: Run<T, TOp, Lanes256<T>>(settings, pre, op, p, g); break;
            case VectorWidth.V128: Run<T, TOp, Lanes128<T>>(settings, pre, op, p, g); break;
            default: Run<T, TOp, Lane<T>>(settings, pre, op, p, g); break;
        }
    }

    /// <summary>Runs a one-state update at the width <paramref name="settings"/> asks for.</summary>
    public static void Run<T, TOp>(KernelSettings settings, in TOp op, Span<T> p, ReadOnlySpan<T> g, Span<T> s)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate1<T> =>
        Run(settings, default(GradientPrologue<T>), op, p, g, s);

    /// <summary>The same, after the shared <paramref name="pre"/> stages (clipping, weight decay).</summary>
    public static void Run<T, TOp>(KernelSettings settings, in GradientPrologue<T> pre, in TOp op, Span<T> p, ReadOnlySpan<T> g, Span<T> s)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate1<T>
    {
        switch (settings.Effective)
        {
            case VectorWidth.V512: Run<T, TOp, Lanes512<T>>(settings, pre, op, p, g, s); break;
            case VectorWidth.V256: Run<T, TOp, Lanes256<T>>(settings, pre, op, p, g, s); break;
            case VectorWidth.V128: Run<T, TOp, Lanes128<T>>(settings, pre, op, p, g, s); break;
            default: Run<T, TOp, Lane<T>>(settings, pre, op, p, g, s); break;
        }
    }

    /// <summary>Runs a two-state update at the width <paramref name="settings"/> asks for.</summary>
    public static void Run<T, TOp>(KernelSettings settings, in TOp op, Span<T> p, ReadOnlySpan<T> g, Span<T> s1, Span<T> s2)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate2<T> =>
        Run(settings, default(GradientPrologue<T>), op, p, g, s1, s2);

    /// <summary>The same, after the shared <paramref name="pre"/> stages (clipping, weight decay).</summary>
    public static void Run<T, TOp>(KernelSettings settings, in GradientPrologue<T> pre, in TOp op, Span<T> p, ReadOnlySpan<T> g, Span<T> s1, Span<T> s2)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate2<T>
    {
        switch (settings.Effective)
        {
            case VectorWidth.V512: Run<T, TOp, Lanes512<T>>(settings, pre, op, p, g, s1, s2); break;
            case VectorWidth.V256: Run<T, TOp, Lanes256<T>>(settings, pre, op, p, g, s1, s2); break;
            case VectorWidth.V128: Run<T, TOp, Lanes128<T>>(settings, pre, op, p, g, s1, s2); break;
            default: Run<T, TOp, Lane<T>>(settings, pre, op, p, g, s1, s2); break;
        }
    }

    /// <summary>Runs a three-state update at the width <paramref name="settings"/> asks for.</summary>
    public static void Run<T, TOp>(KernelSettings settings, in TOp op, Span<T> p, ReadOnlySpan<T> g, Span<T> s1, Span<T> s2, Span<T> s3)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate3<T> =>
        Run(settings, default(GradientPrologue<T>), op, p, g, s1, s2, s3);

    /// <summary>The same, after the shared <paramref name="pre"/> stages (clipping, weight decay).</summary>
    public static void Run<T, TOp>(KernelSettings settings, in GradientPrologue<T> pre, in TOp op, Span<T> p, ReadOnlySpan<T> g, Span<T> s1, Span<T> s2, Span<T> s3)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate3<T>
    {
        switch (settings.Effective)
        {
            case VectorWidth.V512: Run<T, TOp, Lanes512<T>>(settings, pre, op, p, g, s1, s2, s3); break;
            case VectorWidth.V256: Run<T, TOp, Lanes256<T>>(settings, pre, op, p, g, s1, s2, s3); break;
            case VectorWidth.V128: Run<T, TOp, Lanes128<T>>(settings, pre, op, p, g, s1, s2, s3); break;
            default: Run<T, TOp, Lane<T>>(settings, pre, op, p, g, s1, s2, s3); break;
        }
    }

    /// <summary>Runs a stateless update with lanes <typeparamref name="TV"/> (tests call each width directly).</summary>
    public static void Run<T, TOp, TV>(KernelSettings settings, in TOp op, Span<T> p, ReadOnlySpan<T> g)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate0<T> where TV : struct, ILanes<TV, T> =>
        Run<T, TOp, TV>(settings, default(GradientPrologue<T>), op, p, g);

    /// <summary>The same with lanes <typeparamref name="TV"/>, after <paramref name="pre"/>.</summary>
    public static void Run<T, TOp, TV>(KernelSettings settings, in GradientPrologue<T> pre, in TOp op, Span<T> p, ReadOnlySpan<T> g)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate0<T> where TV : struct, ILanes<TV, T>
    {
        CheckLengths(p.Length, g.Length);
        fixed (T* pp = p, gp = g) Execute(settings, new Body0<T, TOp, TV>(pre, op, pp, gp), p.Length);
    }

    /// <summary>Runs a one-state update with lanes <typeparamref name="TV"/>.</summary>
    public static void Run<T, TOp, TV>(KernelSettings settings, in TOp op, Span<T> p, ReadOnlySpan<T> g, Span<T> s)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate1<T> where TV : struct, ILanes<TV, T> =>
        Run<T, TOp, TV>(settings, default(GradientPrologue<T>), op, p, g, s);

    /// <summary>The same with lanes <typeparamref name="TV"/>, after <paramref name="pre"/>.</summary>
    public static void Run<T, TOp, TV>(KernelSettings settings, in GradientPrologue<T> pre, in TOp op, Span<T> p, ReadOnlySpan<T> g, Span<T> s)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate1<T> where TV : struct, ILanes<TV, T>
    {
        CheckLengths(p.Length, g.Length, s.Length);
        fixed (T* pp = p, gp = g, sp = s) Execute(settings, new Body1<T, TOp, TV>(pre, op, pp, gp, sp), p.Length);
    }

    /// <summary>Runs a two-state update with lanes <typeparamref name="TV"/>.</summary>
    public static void Run<T, TOp, TV>(KernelSettings settings, in TOp op, Span<T> p, ReadOnlySpan<T> g, Span<T> s1, Span<T> s2)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate2<T> where TV : struct, ILanes<TV, T> =>
        Run<T, TOp, TV>(settings, default(GradientPrologue<T>), op, p, g, s1, s2);

    /// <summary>The same with lanes <typeparamref name="TV"/>, after <paramref name="pre"/>.</summary>
    public static void Run<T, TOp, TV>(KernelSettings settings, in GradientPrologue<T> pre, in TOp op, Span<T> p, ReadOnlySpan<T> g, Span<T> s1, Span<T> s2)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate2<T> where TV : struct, ILanes<TV, T>
    {
        CheckLengths(p.Length, g.Length, s1.Length, s2.Length);
        fixed (T* pp = p, gp = g, s1p = s1, s2p = s2) Execute(settings, new Body2<T, TOp, TV>(pre, op, pp, gp, s1p, s2p), p.Length);
    }

    /// <summary>Runs a three-state update with lanes <typeparamref name="TV"/>.</summary>
    public static void Run<T, TOp, TV>(KernelSettings settings, in TOp op, Span<T> p, ReadOnlySpan<T> g, Span<T> s1, Span<T> s2, Span<T> s3)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate3<T> where TV : struct, ILanes<TV, T> =>
        Run<T, TOp, TV>(settings, default(GradientPrologue<T>), op, p, g, s1, s2, s3);

    /// <summary>The same with lanes <typeparamref name="TV"/>, after <paramref name="pre"/>.</summary>
    public static void Run<T, TOp, TV>(KernelSettings settings, in GradientPrologue<T> pre, in TOp op, Span<T> p, ReadOnlySpan<T> g, Span<T> s1, Span<T> s2, Span<T> s3)
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate3<T> where TV : struct, ILanes<TV, T>
    {
        CheckLengths(p.Length, g.Length, s1.Length, s2.Length, s3.Length);
        fixed (T* pp = p, gp = g, s1p = s1, s2p = s2, s3p = s3) Execute(settings, new Body3<T, TOp, TV>(pre, op, pp, gp, s1p, s2p, s3p), p.Length);
    }

    /// <summary>Runs a loop body over <c>[0, n)</c>, split into parallel chunks as every built-in kernel is (typed rules call it).</summary>
    internal static void RunRange<TBody>(KernelSettings settings, TBody body, int n) where TBody : struct, IRangeBody => Execute(settings, body, n);

    private static void Execute<TBody>(KernelSettings settings, TBody body, int n) where TBody : struct, IRangeBody
    {
        ArgumentNullException.ThrowIfNull(settings);
        int threads = settings.ThreadsFor(n);
        if (threads <= 1)
        {
            body.Run(0, n);
            return;
        }
        // Chunk edges on 64-element boundaries keep every chunk's vector loop on whole registers
        // (and cache lines), so only the last chunk has a scalar tail.
        nint chunk = ((nint)n / threads + 63) & ~(nint)63;
        int parts = (int)((n + chunk - 1) / chunk);
        KernelWorkers.Run(&KernelWorkers.Invoke<TBody>, Unsafe.AsPointer(ref body), n, chunk, parts);
    }

    private readonly struct Body0<T, TOp, TV>(GradientPrologue<T> pre, TOp op, T* p, T* g) : IRangeBody
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate0<T> where TV : struct, ILanes<TV, T>
    {
        public void Run(nint i, nint end)
        {
            for (; i <= end - TV.Count; i += TV.Count)
            {
                var pv = TV.Load(ref p[i]);
                var gv = TV.Load(ref g[i]);
                pre.Apply(ref pv, ref gv);
                op.Apply(ref pv, gv);
                TV.Store(pv, ref p[i]);
            }
            for (; i < end; i++)
            {
                var pv = new Lane<T>(p[i]);
                var gl = new Lane<T>(g[i]);
                pre.Apply(ref pv, ref gl);
                op.Apply(ref pv, gl);
                p[i] = pv.Value;
            }
        }
    }

    private readonly struct Body1<T, TOp, TV>(GradientPrologue<T> pre, TOp op, T* p, T* g, T* s) : IRangeBody
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate1<T> where TV : struct, ILanes<TV, T>
    {
        public void Run(nint i, nint end)
        {
            for (; i <= end - TV.Count; i += TV.Count)
            {
                var pv = TV.Load(ref p[i]);
                var sv = TV.Load(ref s[i]);
                var gv = TV.Load(ref g[i]);
                pre.Apply(ref pv, ref gv);
                op.Apply(ref pv, gv, ref sv);
                TV.Store(pv, ref p[i]);
                TV.Store(sv, ref s[i]);
            }
            for (; i < end; i++)
            {
                var pv = new Lane<T>(p[i]);
                var sv = new Lane<T>(s[i]);
                var gl = new Lane<T>(g[i]);
                pre.Apply(ref pv, ref gl);
                op.Apply(ref pv, gl, ref sv);
                p[i] = pv.Value;
                s[i] = sv.Value;
            }
        }
    }

    private readonly struct Body2<T, TOp, TV>(GradientPrologue<T> pre, TOp op, T* p, T* g, T* s1, T* s2) : IRangeBody
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate2<T> where TV : struct, ILanes<TV, T>
    {
        public void Run(nint i, nint end)
        {
            for (; i <= end - TV.Count; i += TV.Count)
            {
                var pv = TV.Load(ref p[i]);
                var s1v = TV.Load(ref s1[i]);
                var s2v = TV.Load(ref s2[i]);
                var gv = TV.Load(ref g[i]);
                pre.Apply(ref pv, ref gv);
                op.Apply(ref pv, gv, ref s1v, ref s2v);
                TV.Store(pv, ref p[i]);
                TV.Store(s1v, ref s1[i]);
                TV.Store(s2v, ref s2[i]);
            }
            for (; i < end; i++)
            {
                var pv = new Lane<T>(p[i]);
                var s1v = new Lane<T>(s1[i]);
                var s2v = new Lane<T>(s2[i]);
                var gl = new Lane<T>(g[i]);
                pre.Apply(ref pv, ref gl);
                op.Apply(ref pv, gl, ref s1v, ref s2v);
                p[i] = pv.Value;
                s1[i] = s1v.Value;
                s2[i] = s2v.Value;
            }
        }
    }

    private readonly struct Body3<T, TOp, TV>(GradientPrologue<T> pre, TOp op, T* p, T* g, T* s1, T* s2, T* s3) : IRangeBody
        where T : unmanaged, IFloatingPointIeee754<T> where TOp : struct, IUpdate3<T> where TV : struct, ILanes<TV, T>
    {
        public void Run(nint i, nint end)
        {
            for (; i <= end - TV.Count; i += TV.Count)
            {
                var pv = TV.Load(ref p[i]);
                var s1v = TV.Load(ref s1[i]);
                var s2v = TV.Load(ref s2[i]);
                var s3v = TV.Load(ref s3[i]);
                var gv = TV.Load(ref g[i]);
                pre.Apply(ref pv, ref gv);
                op.Apply(ref pv, gv, ref s1v, ref s2v, ref s3v);
                TV.Store(pv, ref p[i]);
                TV.Store(s1v, ref s1[i]);
                TV.Store(s2v, ref s2[i]);
                TV.Store(s3v, ref s3[i]);
            }
            for (; i < end; i++)
            {
                var pv = new Lane<T>(p[i]);
                var s1v = new Lane<T>(s1[i]);
                var s2v = new Lane<T>(s2[i]);
                var s3v = new Lane<T>(s3[i]);
                var gl = new Lane<T>(g[i]);
                pre.Apply(ref pv, ref gl);
                op.Apply(ref pv, gl, ref s1v, ref s2v, ref s3v);
                p[i] = pv.Value;
                s1[i] = s1v.Value;
                s2[i] = s2v.Value;
                s3[i] = s3v.Value;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CheckLengths(int n, params ReadOnlySpan<int> others)
    {
        foreach (int m in others)
            if (m != n) throw new ArgumentException($"Buffer lengths differ: parameters have {n} elements, another buffer {m}.");
    }
}
