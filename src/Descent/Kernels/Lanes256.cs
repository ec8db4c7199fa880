using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Descent.Kernels;

/// <summary>256-bit SIMD lanes for kernel bodies; see <see cref="ILanes{TSelf, T}"/>.</summary>
public readonly struct Lanes256<T>(Vector256<T> v) : ILanes<Lanes256<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The register.</summary>
    public Vector256<T> Value => v;

    /// <inheritdoc/>
    public static int Count => Vector256<T>.Count;

    /// <inheritdoc/>
    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> Load(ref T source) => new(Vector256.LoadUnsafe(ref source));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes256<T> value, ref T destination) => value.Value.StoreUnsafe(ref destination);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> Broadcast(T value) => new(Vector256.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> operator +(Lanes256<T> a, Lanes256<T> b) => new(a.Value + b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> operator -(Lanes256<T> a, Lanes256<T> b) => new(a.Value - b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> operator *(Lanes256<T> a, Lanes256<T> b) => new(a.Value * b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> operator /(Lanes256<T> a, Lanes256<T> b) => new(a.Value / b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> operator -(Lanes256<T> a) => new(-a.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> operator +(T a, Lanes256<T> b) => new(Vector256.Create(a) + b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> operator +(Lanes256<T> a, T b) => new(a.Value + Vector256.Create(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> operator -(T a, Lanes256<T> b) => new(Vector256.Create(a) - b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> operator -(Lanes256<T> a, T b) => new(a.Value - Vector256.Create(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> operator *(T a, Lanes256<T> b) => new(Vector256.Create(a) * b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> operator *(Lanes256<T> a, T b) => new(a.Value * Vector256.Create(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> operator /(T a, Lanes256<T> b) => new(Vector256.Create(a) / b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> operator /(Lanes256<T> a, T b) => new(a.Value / Vector256.Create(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> Sqrt(Lanes256<T> a) => new(Vector256.Sqrt(a.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> Abs(Lanes256<T> a) => new(Vector256.Abs(a.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> Max(Lanes256<T> a, Lanes256<T> b) => new(Vector256.Max(a.Value, b.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> Min(Lanes256<T> a, Lanes256<T> b) => new(Vector256.Min(a.Value, b.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> FusedMultiplyAdd(Lanes256<T> a, Lanes256<T> b, Lanes256<T> c)
    {
        // The runtime fuses only float and double; the JIT drops the branch that does not apply.
        if (typeof(T) == typeof(float))
            return new(Vector256.FusedMultiplyAdd(a.Value.AsSingle(), b.Value.AsSingle(), c.Value.AsSingle()).As<float, T>());
        if (typeof(T) == typeof(double))
            return new(Vector256.FusedMultiplyAdd(a.Value.AsDouble(), b.Value.AsDouble(), c.Value.AsDouble()).As<double, T>());
        throw new NotSupportedException($"Fused multiply-add on {typeof(T).Name} lanes.");
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256<T> Select(int comparison, Lanes256<T> a, Lanes256<T> b, Lanes256<T> x, Lanes256<T> y)
    {
        var mask = comparison switch
        {
            0 => Vector256.GreaterThan(a.Value, b.Value),
            1 => Vector256.LessThan(a.Value, b.Value),
            2 => Vector256.GreaterThanOrEqual(a.Value, b.Value),
            _ => Vector256.LessThanOrEqual(a.Value, b.Value),
        };
        return new(Vector256.ConditionalSelect(mask, x.Value, y.Value));
    }

    /// <inheritdoc/>
    public static Lanes256<T> Pow(Lanes256<T> a, T b)
    {
        Span<T> lanes = stackalloc T[Vector256<T>.Count];
        a.Value.CopyTo(lanes);
        for (int i = 0; i < lanes.Length; i++) lanes[i] = T.Pow(lanes[i], b);
        return new(Vector256.Create((ReadOnlySpan<T>)lanes));
    }
}
