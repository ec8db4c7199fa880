using System.Numerics;
using System.Runtime.CompilerServices;
using Descent.Kernels;

namespace Descent.Rules;

/// <summary>
/// The operations a compiled rule body calls, for one lane type: the same <see cref="ILanes{TSelf, T}"/>
/// arithmetic the built-in kernels use, so the scalar tail and every vector width compute each element with
/// the same operations. Functions with no vector instruction (exp, log, the trigonometric ones, sign, if)
/// apply the scalar function to each lane, which keeps the widths bit-identical too.
/// </summary>
internal static unsafe class RuleOps<T, TV> where T : unmanaged, IFloatingPointIeee754<T> where TV : struct, ILanes<TV, T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint Pointer(nint table, int index) => ((nint*)table)[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Load(nint buffer, long i) => TV.Load(ref ((T*)buffer)[i]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(TV value, nint buffer, long i) => TV.Store(value, ref ((T*)buffer)[i]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Constant(nint constants, int index) => TV.Broadcast(((T*)constants)[index]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Scalar(nint constants, int index) => ((T*)constants)[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Zero() => TV.Broadcast(T.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static GradientPrologue<T> Prologue(nint prologue) => *(GradientPrologue<T>*)prologue;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(ref GradientPrologue<T> prologue, ref TV p, ref TV g) => prologue.Apply(ref p, ref g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Add(TV a, TV b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Subtract(TV a, TV b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Multiply(TV a, TV b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Divide(TV a, TV b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Negate(TV a) => -a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Sqrt(TV a) => TV.Sqrt(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Abs(TV a) => TV.Abs(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Min(TV a, TV b) => TV.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Max(TV a, TV b) => TV.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Fma(TV a, TV b, TV c) => TV.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV PowScalar(TV a, T b) => TV.Pow(a, b);

    /// <summary>A one-argument function of <see cref="RuleScalar"/>, lane by lane.</summary>
    public static TV Map(TV a, int function)
    {
        Span<T> x = stackalloc T[TV.Count];
        TV.Store(a, ref x[0]);
        for (int i = 0; i < x.Length; i++) x[i] = RuleScalar.Apply(function, x[i]);
        return TV.Load(ref x[0]);
    }

    /// <summary><c>a^b</c> lane by lane, for an exponent that varies per element.</summary>
    public static TV Pow(TV a, TV b)
    {
        Span<T> x = stackalloc T[2 * TV.Count];
        TV.Store(a, ref x[0]);
        TV.Store(b, ref x[TV.Count]);
        for (int i = 0; i < TV.Count; i++) x[i] = T.Pow(x[i], x[TV.Count + i]);
        return TV.Load(ref x[0]);
    }

    /// <summary><c>if(a cmp b, x, y)</c>: a vector compare and blend (<see cref="ILanes{TSelf, T}.Select"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Select(int comparison, TV a, TV b, TV x, TV y) => TV.Select(comparison, a, b, x, y);

    /// <summary><c>sign(x)</c> as <c>torch.sign</c> computes it, <c>(0 &lt; x) − (x &lt; 0)</c>: ±0 and NaN give +0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Sign(TV a)
    {
        TV zero = TV.Broadcast(T.Zero), one = TV.Broadcast(T.One);
        return TV.Select(RuleScalar.Greater, a, zero, one, zero) - TV.Select(RuleScalar.Less, a, zero, one, zero);
    }
}
