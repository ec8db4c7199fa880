using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Descent.Kernels;

/// <summary>128-bit SIMD lanes for kernel bodies; see <see cref="ILanes{TSelf, T}"/>.</summary>
public readonly struct Lanes128<T>(Vector128<T> v) : ILanes<Lanes128<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The register.</summary>
    public Vector128<T> Value => v;

    /// <inheritdoc/>
    public static int Count => Vector128<T>.Count;

    /// <inheritdoc/>
    public static bool IsAccelerated => Vector128.IsHardwareAccelerated;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> Load(ref T source) => new(Vector128.LoadUnsafe(ref source));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes128<T> value, ref T destination) => value.Value.StoreUnsafe(ref destination);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> Broadcast(T value) => new(Vector128.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> operator +(Lanes128<T> a, Lanes128<T> b) => new(a.Value + b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> operator -(Lanes128<T> a, Lanes128<T> b) => new(a.Value - b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> operator *(Lanes128<T> a, Lanes128<T> b) => new(a.Value * b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> operator /(Lanes128<T> a, Lanes128<T> b) => new(a.Value / b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> operator -(Lanes128<T> a) => new(-a.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> operator +(T a, Lanes128<T> b) => new(Vector128.Create(a) + b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> operator +(Lanes128<T> a, T b) => new(a.Value + Vector128.Create(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> operator -(T a, Lanes128<T> b) => new(Vector128.Create(a) - b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> operator -(Lanes128<T> a, T b) => new(a.Value - Vector128.Create(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> operator *(T a, Lanes128<T> b) => new(Vector128.Create(a) * b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> operator *(Lanes128<T> a, T b) => new(a.Value * Vector128.Create(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> operator /(T a, Lanes128<T> b) => new(Vector128.Create(a) / b.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> operator /(Lanes128<T> a, T b) => new(a.Value / Vector128.Create(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> Sqrt(Lanes128<T> a) => new(Vector128.Sqrt(a.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> Abs(Lanes128<T> a) => new(Vector128.Abs(a.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> Max(Lanes128<T> a, Lanes128<T> b) => new(Vector128.Max(a.Value, b.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> Min(Lanes128<T> a, Lanes128<T> b) => new(Vector128.Min(a.Value, b.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> FusedMultiplyAdd(Lanes128<T> a, Lanes128<T> b, Lanes128<T> c)
    {
        // The runtime fuses only float and double; the JIT drops the branch that does not apply.
        if (typeof(T) == typeof(float))
            return new(Vector128.FusedMultiplyAdd(a.Value.AsSingle(), b.Value.AsSingle(), c.Value.AsSingle()).As<float, T>());
        if (typeof(T) == typeof(double))
            return new(Vector128.FusedMultiplyAdd(a.Value.AsDouble(), b.Value.AsDouble(), c.Value.AsDouble()).As<double, T>());
        throw new NotSupportedException($"Fused multiply-add on {typeof(T).Name} lanes.");
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128<T> Select(int comparison, Lanes128<T> a, Lanes128<T> b, Lanes128<T> x, Lanes128<T> y)
    {
        var mask = comparison switch
        {
            0 => Vector128.GreaterThan(a.Value, b.Value),
            1 => Vector128.LessThan(a.Value, b.Value),
            2 => Vector128.GreaterThanOrEqual(a.Value, b.Value),
            _ => Vector128.LessThanOrEqual(a.Value, b.Value),
        };
        return new(Vector128.ConditionalSelect(mask, x.Value, y.Value));
    }

    /// <inheritdoc/>
    public static Lanes128<T> Pow(Lanes128<T> a, T b)
    {
        Span<T> lanes = stackalloc T[Vector128<T>.Count];
        a.Value.CopyTo(lanes);
        for (int i = 0; i < lanes.Length; i++) lanes[i] = T.Pow(lanes[i], b);
        return new(Vector128.Create((ReadOnlySpan<T>)lanes));
    }
}
