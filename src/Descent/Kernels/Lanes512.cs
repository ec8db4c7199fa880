using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Descent.Kernels;

/// <summary>512-bit SIMD lanes for kernel bodies; see <see cref="ILanes{TSelf, T}"/>.</summary>
public readonly struct Lanes512<T>(Vector512<T> v) : ILanes<Lanes512<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The register.</summary>
    public Vector512<T> Value => v;

    /// <inheritdoc/>
    public static int Count => Vector512<T>.Count;

    /// <inheritdoc/>
    public static bool IsAccelerated => Vector512.IsHardwareAccelerated;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> Load(ref T source) => new(Vector512.LoadUnsafe(ref source));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes512<T> value, ref T destination) => value.Value.StoreUnsafe(ref destination);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> Broadcast(T value) => new(Vector512.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> operator +(Lanes512<T> a, Lanes512<T> b) => new(a.Value + b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> operator -(Lanes512<T> a, Lanes512<T> b) => new(a.Value - b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> operator *(Lanes512<T> a, Lanes512<T> b) => new(a.Value * b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> operator /(Lanes512<T> a, Lanes512<T> b) => new(a.Value / b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> operator -(Lanes512<T> a) => new(-a.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> operator +(T a, Lanes512<T> b) => new(Vector512.Create(a) + b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> operator +(Lanes512<T> a, T b) => new(a.Value + Vector512.Create(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> operator -(T a, Lanes512<T> b) => new(Vector512.Create(a) - b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> operator -(Lanes512<T> a, T b) => new(a.Value - Vector512.Create(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> operator *(T a, Lanes512<T> b) => new(Vector512.Create(a) * b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> operator *(Lanes512<T> a, T b) => new(a.Value * Vector512.Create(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> operator /(T a, Lanes512<T> b) => new(Vector512.Create(a) / b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> operator /(Lanes512<T> a, T b) => new(a.Value / Vector512.Create(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> Sqrt(Lanes512<T> a) => new(Vector512.Sqrt(a.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> Abs(Lanes512<T> a) => new(Vector512.Abs(a.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> Max(Lanes512<T> a, Lanes512<T> b) => new(Vector512.Max(a.Value, b.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> Min(Lanes512<T> a, Lanes512<T> b) => new(Vector512.Min(a.Value, b.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> FusedMultiplyAdd(Lanes512<T> a, Lanes512<T> b, Lanes512<T> c)
    {
        // The runtime fuses only float and double; the JIT drops the branch that does not apply.
        if (typeof(T) == typeof(float))
            return new(Vector512.FusedMultiplyAdd(a.Value.AsSingle(), b.Value.AsSingle(), c.Value.AsSingle()).As<float, T>());
        if (typeof(T) == typeof(double))
            return new(Vector512.FusedMultiplyAdd(a.Value.AsDouble(), b.Value.AsDouble(), c.Value.AsDouble()).As<double, T>());
        throw new NotSupportedException($"Fused multiply-add on {typeof(T).Name} lanes.");
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512<T> Select(int comparison, Lanes512<T> a, Lanes512<T> b, Lanes512<T> x, Lanes512<T> y)
    {
        var mask = comparison switch
        {
            0 => Vector512.GreaterThan(a.Value, b.Value),
            1 => Vector512.LessThan(a.Value, b.Value),
            2 => Vector512.GreaterThanOrEqual(a.Value, b.Value),
            _ => Vector512.LessThanOrEqual(a.Value, b.Value),
        };
        return new(Vector512.ConditionalSelect(mask, x.Value, y.Value));
    }

    /// <inheritdoc/>
    public static Lanes512<T> Pow(Lanes512<T> a, T b)
    {
        Span<T> lanes = stackalloc T[Vector512<T>.Count];
        a.Value.CopyTo(lanes);
        for (int i = 0; i < lanes.Length; i++) lanes[i] = T.Pow(lanes[i], b);
        return new(Vector512.Create((ReadOnlySpan<T>)lanes));
    }
}
