using Descent.Optimizers;
using Descent.Specs;

namespace Descent.Tests;

/// <summary>
/// Shared inputs of the hand-worked update tests: a three-element vector, a fixed gradient sequence, and an
/// assertion that compares Descent's trajectory against a per-coordinate formula written out in the test.
/// The formulas in the tests restate the rule for one scalar; they never call Descent.
/// </summary>
internal static class HandWorked
{
    /// <summary>The starting point.</summary>
    public static readonly double[] P0 = [1.0, -2.0, 0.5];

    /// <summary>The gradient at each step (one row per step); the third coordinate starts at a zero gradient.</summary>
    public static readonly double[][] Grads =
    [
        [0.5, -1.5, 0.0],
        [-0.25, 2.0, 3.0],
        [1.0, 0.5, -4.0],
    ];

    /// <summary>Options from a spec, the way a user gets them.</summary>
    public static OptimizerOptions Spec(string spec, Convention convention) => OptimizerCatalog.Resolve(spec, convention);

    /// <summary>Runs <paramref name="options"/> over <paramref name="grads"/> in double; row k is p after step k+1.</summary>
    public static double[][] Run(OptimizerOptions options, double[] p0, double[][] grads)
    {
        var opt = options.Create<double>(p0.Length);
        var p = (double[])p0.Clone();
        var rows = new double[grads.Length][];
        for (int k = 0; k < grads.Length; k++)
        {
            var g = grads[k];
            if (opt.NeedsOracle) opt.Step(p, (_, grad) => g.CopyTo(grad));
            else opt.Step(p, g);
            rows[k] = (double[])p.Clone();
        }
        return rows;
    }

    /// <summary>
    /// Asserts that each coordinate follows <paramref name="scalar"/>: given the coordinate's start and its gradients,
    /// the hand-worked formula returns its value after each step.
    /// </summary>
    public static void AssertFollows(OptimizerOptions options, Func<double, double[], double[]> scalar, double[]? p0 = null, double[][]? grads = null)
    {
        p0 ??= P0;
        grads ??= Grads;
        var actual = Run(options, p0, grads);
        for (int i = 0; i < p0.Length; i++)
        {
            double[] gs = [.. grads.Select(row => row[i])];
            double[] expected = scalar(p0[i], gs);
            Assert.Equal(grads.Length, expected.Length);
            for (int k = 0; k < grads.Length; k++) AssertClose(expected[k], actual[k][i], $"coordinate {i}, step {k + 1}");
        }
    }

    /// <summary>Equal within 1e-12 relative (absolute near 0): the hand formula may round in a different order.</summary>
    public static void AssertClose(double expected, double actual, string where, double tolerance = 1e-12)
    {
        double scale = Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance * scale, $"{where}: expected {expected:R}, got {actual:R}");
    }
}
