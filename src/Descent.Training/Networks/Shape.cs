namespace Descent.Training.Networks;

/// <summary>The shape of one sample as channels × height × width (a vector of n features is n×1×1).</summary>
public readonly record struct Shape(int Channels, int Height, int Width)
{
    /// <summary>A vector of <paramref name="features"/> values.</summary>
    public static Shape Vector(int features) => new(features, 1, 1);

    /// <summary>Number of values in one sample.</summary>
    public int Size => Channels * Height * Width;

    /// <inheritdoc />
    public override string ToString() => Height == 1 && Width == 1 ? $"{Channels}" : $"{Channels}×{Height}×{Width}";
}
