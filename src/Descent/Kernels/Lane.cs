using System.Numerics;
using System.Runtime.CompilerServices;

namespace Descent.Kernels;

/// <summary>One element: the scalar reference path of every kernel; see <see cref="ILanes{TSelf, T}"/>.</summary>
public readonly struct Lane<T>(T v) : ILanes<Lane<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The element.</summary>
    public T Value => v;

    /// <inheritdoc/>
    public static int Count => 1;

    /// <inheritdoc/>
    public static bool IsAccelerated => true;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> Load(ref T source) => new(source);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lane<T> value, ref T destination) => destination = value.Value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> Broadcast(T value) => new(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator +(Lane<T> a, Lane<T> b) => new(a.Value + b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator -(Lane<T> a, Lane<T> b) => new(a.Value - b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator *(Lane<T> a, Lane<T> b) => new(a.Value * b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator /(Lane<T> a, Lane<T> b) => new(a.Value / b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator -(Lane<T> a) => new(-a.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator +(T a, Lane<T> b) => new(a + b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator +(Lane<T> a, T b) => new(a.Value + b);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator -(T a, Lane<T> b) => new(a - b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator -(Lane<T> a, T b) => new(a.Value - b);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator *(T a, Lane<T> b) => new(a * b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator *(Lane<T> a, T b) => new(a.Value * b);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator /(T a, Lane<T> b) => new(a / b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> operator /(Lane<T> a, T b) => new(a.Value / b);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> Sqrt(Lane<T> a) => new(T.Sqrt(a.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> Abs(Lane<T> a) => new(T.Abs(a.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> Max(Lane<T> a, Lane<T> b) => new(T.Max(a.Value, b.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> Min(Lane<T> a, Lane<T> b) => new(T.Min(a.Value, b.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> FusedMultiplyAdd(Lane<T> a, Lane<T> b, Lane<T> c) => new(T.FusedMultiplyAdd(a.Value, b.Value, c.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> Pow(Lane<T> a, T b) => new(T.Pow(a.Value, b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane<T> Select(int comparison, Lane<T> a, Lane<T> b, Lane<T> x, Lane<T> y)
    {
        bool holds = comparison switch
        {
            0 => a.Value > b.Value,
            1 => a.Value < b.Value,
            2 => a.Value >= b.Value,
            _ => a.Value <= b.Value,
        };
        return holds ? x : y;
    }
}
