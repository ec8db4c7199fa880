using System.Numerics;
using Descent.Tensors;

namespace Descent.Tests;

/// <summary>bfloat16 rounding worked by hand, and the one-row Newton–Schulz shortcut against the GEMM it stands in for.</summary>
public sealed class NewtonSchulzTests
{
    /// <summary>
    /// bfloat16 keeps 7 mantissa bits, so its spacing at 1 is 2^-7: 1 + 2^-8 is a tie and goes to the even 1,
    /// 1 + 3·2^-8 a tie between 1 + 2^-7 (odd) and 1 + 2^-6 (even); float's largest value rounds up to infinity.
    /// </summary>
    [Theory]
    [InlineData(1.00390625f, 1f)]
    [InlineData(1.01171875f, 1.015625f)]
    [InlineData(1.0078125f, 1.0078125f)]
    [InlineData(1.00390635f, 1.0078125f)]
    [InlineData(-3.4445f, -3.4375f)]
    [InlineData(float.MaxValue, float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity, float.NegativeInfinity)]
    [InlineData(-0f, -0f)]
    public void Round_HandWorkedValues_NearestEven(float x, float expected)
    {
        Assert.Equal(BitConverter.SingleToUInt32Bits(expected), BitConverter.SingleToUInt32Bits(BFloat16Rounding.Round(x)));
        var lanes = BFloat16Rounding.Round(new Vector<float>(x));
        Assert.Equal(BitConverter.SingleToUInt32Bits(expected), BitConverter.SingleToUInt32Bits(lanes[Vector<float>.Count - 1]));
    }

    [Fact]
    public void Round_NaN_IsTheQuietNaNOfC10()
    {
        float nan = BitConverter.UInt32BitsToSingle(0x7FFFFFFF);
        Assert.Equal(0x7FC00000u, BitConverter.SingleToUInt32Bits(BFloat16Rounding.Round(nan)));
        Assert.Equal(0x7FC00000u, BitConverter.SingleToUInt32Bits(BFloat16Rounding.Round(new Vector<float>(nan))[0]));
    }

    /// <summary>The 1×1 Gram matrix of a long row, summed without the GEMM's packing, has the GEMM's bits.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(1000)]
    [InlineData(5000)]
    public void SquaredNorm_OneRow_SameBitsAsTheGemm(int n)
    {
        var x = new float[n];
        for (int i = 0; i < n; i++) x[i] = BFloat16Rounding.Round(MathF.Sin(0.37f * i + 1) * (1 + i % 7) * 1e-3f);
        var c = new float[1];
        Gemm.Multiply(x, false, x, true, c, 1, 1, n);
        Assert.Equal(BitConverter.SingleToUInt32Bits(c[0]), BitConverter.SingleToUInt32Bits(NewtonSchulz.SquaredNorm(x)));
    }
}
