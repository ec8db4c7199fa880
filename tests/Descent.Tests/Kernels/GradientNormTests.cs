using System.Numerics;
using Descent.Kernels;

namespace Descent.Tests.Kernels;

/// <summary>
/// The global gradient norm behind clip_norm: the same bits at every register width and thread
/// count, and the true sum of squares (checked against an error-free one built from exact products).
/// </summary>
public sealed class GradientNormTests
{
    private static T[] Gradient<T>(int n, int seed) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => T.CreateTruncating((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 4))))];
    }

    [Fact]
    public void SumOfSquares_AllLengthsEveryWidth_MatchesScalarBitForBit()
    {
        for (int n = 0; n <= 300; n++)
        {
            Check(Gradient<double>(n, n));
            Check(Gradient<float>(n, n));
        }
        Check(Gradient<double>(3 * GradientNorm.Block + 17, 1));
        Check(Gradient<float>(5 * GradientNorm.Block + 5, 2));

        static void Check<T>(T[] g) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var partials = new double[GradientNorm.PartialsFor(g.Length)];
            double scalar = GradientNorm.SumOfSquares<T, Lane<T>>(KernelSettings.Default, g, partials);
            Assert.Equal(scalar, GradientNorm.SumOfSquares<T, Lanes128<T>>(KernelSettings.Default, g, partials));
            Assert.Equal(scalar, GradientNorm.SumOfSquares<T, Lanes256<T>>(KernelSettings.Default, g, partials));
            if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
                Assert.Equal(scalar, GradientNorm.SumOfSquares<T, Lanes512<T>>(KernelSettings.Default, g, partials));
        }
    }

    [Fact]
    public void SumOfSquares_OneOrManyThreads_SameBits()
    {
        var g = Gradient<float>(40 * GradientNorm.Block + 123, 7);
        var partials = new double[GradientNorm.PartialsFor(g.Length)];
        double one = GradientNorm.SumOfSquares<float>(new KernelSettings { MaxThreads = 1 }, g, partials);
        foreach (int n in new[] { 2, 3, 4 })
            Assert.Equal(one, GradientNorm.SumOfSquares<float>(new KernelSettings { MaxThreads = n, ParallelThreshold = 1000 }, g, partials));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(100_000)]
    public void L2_Double_MatchesAnErrorFreeSum(int n)
    {
        var g = Gradient<double>(n, n);
        // Each square split exactly into a head and a tail (g·g − head by one fused multiply-add),
        // then Neumaier's compensated sum: a reference accurate to about one rounding.
        double sum = 0, compensation = 0;
        foreach (double x in g)
        {
            double head = x * x, tail = Math.FusedMultiplyAdd(x, x, -head);
            foreach (double term in new[] { head, tail })
            {
                double t = sum + term;
                compensation += Math.Abs(sum) >= Math.Abs(term) ? sum - t + term : term - t + sum;
                sum = t;
            }
        }
        double expected = Math.Sqrt(sum + compensation);
        double actual = GradientNorm.L2<double>(KernelSettings.Default, g, new double[GradientNorm.PartialsFor(n)]);
        Assert.True(Math.Abs(actual - expected) <= 1e-13 * expected, $"expected {expected:R}, got {actual:R}");
    }

    [Fact]
    public void L2_NonFiniteGradient_PropagatesAsTorchNorm()
    {
        var partials = new double[1];
        Assert.Equal(double.PositiveInfinity, GradientNorm.L2<double>(KernelSettings.Default, [1, double.NegativeInfinity, 2], partials));
        Assert.True(double.IsNaN(GradientNorm.L2<double>(KernelSettings.Default, [1, double.NaN, double.PositiveInfinity], partials)));
        Assert.Equal(0, GradientNorm.L2<double>(KernelSettings.Default, [], partials));
    }
}
