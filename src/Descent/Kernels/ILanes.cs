using System.Numerics;

namespace Descent.Kernels;

/// <summary>
/// The arithmetic a kernel body needs, over one lane (<see cref="Lane{T}"/>) or a whole SIMD register
/// (<see cref="Lanes128{T}"/>, <see cref="Lanes256{T}"/>, <see cref="Lanes512{T}"/>). A kernel states its
/// math once against this interface; the scalar and every vector width then run the same operations
/// in the same order, which is what makes the SIMD result equal the scalar reference bit for bit
/// (every operation is IEEE-754 correctly rounded per lane, and nothing is fused into an FMA).
/// </summary>
public interface ILanes<TSelf, T>
    where TSelf : struct, ILanes<TSelf, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Elements per value.</summary>
    static abstract int Count { get; }

    /// <summary>Whether this width runs in hardware on this machine.</summary>
    static abstract bool IsAccelerated { get; }

    /// <summary>Reads <see cref="Count"/> elements starting at <paramref name="source"/> (no alignment needed).</summary>
    static abstract TSelf Load(ref T source);

    /// <summary>Writes <see cref="Count"/> elements starting at <paramref name="destination"/>.</summary>
    static abstract void Store(TSelf value, ref T destination);

    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TSelf Broadcast(T value);

    /// <summary>Lane-wise sum.</summary>
    static abstract TSelf operator +(TSelf a, TSelf b);

    /// <summary>Lane-wise difference.</summary>
    static abstract TSelf operator -(TSelf a, TSelf b);

    /// <summary>Lane-wise product.</summary>
    static abstract TSelf operator *(TSelf a, TSelf b);

    /// <summary>Lane-wise quotient.</summary>
    static abstract TSelf operator /(TSelf a, TSelf b);

    /// <summary>Lane-wise negation.</summary>
    static abstract TSelf operator -(TSelf a);

    /// <summary>Scalar plus lanes.</summary>
    static abstract TSelf operator +(T a, TSelf b);

    /// <summary>Lanes plus scalar.</summary>
    static abstract TSelf operator +(TSelf a, T b);

    /// <summary>Scalar minus lanes.</summary>
    static abstract TSelf operator -(T a, TSelf b);

    /// <summary>Lanes minus scalar.</summary>
    static abstract TSelf operator -(TSelf a, T b);

    /// <summary>Scalar times lanes.</summary>
    static abstract TSelf operator *(T a, TSelf b);

    /// <summary>Lanes times scalar.</summary>
    static abstract TSelf operator *(TSelf a, T b);

    /// <summary>Scalar over lanes.</summary>
    static abstract TSelf operator /(T a, TSelf b);

    /// <summary>Lanes over scalar.</summary>
    static abstract TSelf operator /(TSelf a, T b);

    /// <summary>Correctly rounded square root per lane.</summary>
    static abstract TSelf Sqrt(TSelf a);

    /// <summary>Absolute value per lane.</summary>
    static abstract TSelf Abs(TSelf a);

    /// <summary>IEEE 754-2019 maximum per lane: NaN if either is NaN, +0 above −0 (as <c>T.Max</c> and <c>torch.maximum</c>).</summary>
    static abstract TSelf Max(TSelf a, TSelf b);

    /// <summary>The smaller of <paramref name="a"/> and <paramref name="b"/> per lane; NaN propagates, as <c>T.Min</c>.</summary>
    static abstract TSelf Min(TSelf a, TSelf b);

    /// <summary>
    /// <c>a·b + c</c> rounded once per lane. Used only where the reproduced library fuses (PyTorch's CPU
    /// kernels); both the scalar and the vector paths then fuse, so they still agree bit for bit.
    /// </summary>
    static abstract TSelf FusedMultiplyAdd(TSelf a, TSelf b, TSelf c);

    /// <summary><c>a·b + c</c> rounded once per lane, with a scalar factor.</summary>
    static virtual TSelf FusedMultiplyAdd(TSelf a, T b, TSelf c) => TSelf.FusedMultiplyAdd(a, TSelf.Broadcast(b), c);

    /// <summary>
    /// Per lane, <paramref name="x"/> where <c>a cmp b</c> holds, else <paramref name="y"/>; <paramref name="comparison"/> is
    /// 0 for <c>&gt;</c>, 1 for <c>&lt;</c>, 2 for <c>&gt;=</c>, 3 for <c>&lt;=</c>. A comparison with NaN is false, as in IEEE 754.
    /// </summary>
    static abstract TSelf Select(int comparison, TSelf a, TSelf b, TSelf x, TSelf y);

    /// <summary><c>a^b</c> per lane, through <c>T.Pow</c> (no vector instruction exists; used by rare options only).</summary>
    static abstract TSelf Pow(TSelf a, T b);
}
