using System.Numerics;
using Descent.Specs;

namespace Descent.Tests;

/// <summary>The float and double kernels are the same formula: their trajectories agree to float precision.</summary>
public class PrecisionTests
{
    private const int Steps = 30;

    /// <summary>A fixed, irregular gradient sequence (no feedback from p, so rounding differences do not compound through the landscape).</summary>
    private static double Gradient(int step, int i) => Math.Sin(1.3 * step + 0.7 * i) * (1 + i);

    private static double[][] Trajectory<T>(OptimizerOptions options, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var opt = options.Create<T>(n);
        var p = new T[n];
        for (int i = 0; i < n; i++) p[i] = T.CreateTruncating(0.5 - 0.25 * i);
        var rows = new double[Steps][];
        for (int t = 0; t < Steps; t++)
        {
            int step = t;
            opt.Step(p, (_, g) =>
            {
                for (int i = 0; i < g.Length; i++) g[i] = T.CreateTruncating(Gradient(step, i));
            });
            rows[t] = [.. p.Select(double.CreateTruncating)];
        }
        return rows;
    }

    /// <summary>Every rule but lbfgs, which compares losses that a gradient sequence does not have (LbfgsTests runs it in both precisions).</summary>
    public static TheoryData<string, Convention> Matrix()
    {
        var data = new TheoryData<string, Convention>();
        foreach (var row in QuadraticConvergenceTests.Matrix())
            if ((string)row[0] != "lbfgs") data.Add((string)row[0], (Convention)row[1]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void FloatAndDouble_SameSpec_SameTrajectoryWithinFloatPrecision(string name, Convention convention)
    {
        var options = OptimizerCatalog.Resolve(QuadraticConvergenceTests.Specs[name], convention);
        var d = Trajectory<double>(options, 3);
        var f = Trajectory<float>(options, 3);
        for (int t = 0; t < Steps; t++)
            for (int i = 0; i < 3; i++)
            {
                // float's unit roundoff is 6e-8; a few operations per step over 30 steps stay well under 1e-5.
                double tol = 1e-5 * Math.Max(1, Math.Abs(d[t][i]));
                Assert.True(Math.Abs(d[t][i] - f[t][i]) <= tol, $"{name} ({convention}) step {t + 1} coordinate {i}: double {d[t][i]:R}, float {f[t][i]:R}");
            }
    }

    [Fact]
    public void Float_KeepsItsPrecision_NotRoundedThroughDouble()
    {
        // One SGD step in float is PyTorch's add_(g, alpha=−lr) in float: one fused rounding of 1 − 0.1f·0.3f to float.
        var opt = OptimizerCatalog.Resolve("sgd(lr=0.1)", Convention.PyTorch).Create<float>(1);
        float[] p = [1f];
        opt.Step(p, [0.3f]);
        Assert.Equal(MathF.FusedMultiplyAdd(0.3f, -0.1f, 1f), p[0]);
    }
}
