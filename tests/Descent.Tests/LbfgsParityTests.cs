using System.Globalization;
using System.Text.Json;
using Descent.Specs;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Descent.Tests;

/// <summary>
/// lbfgs against torch.optim.LBFGS 1.13 itself (Reference/modern_b_trajectories.json, tools/reference/modern_b_reference.py):
/// one <c>step(closure)</c> per point, float64 within 1e-12 relative at every step, the closure calls of every step
/// equal, and the loss each step returns, with and without the strong-Wolfe line search, on the strongly convex quartic
/// and on a 5-D Rosenbrock (non-convex, where the line search brackets and zooms).
/// </summary>
public sealed class LbfgsParityTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-12;

    private sealed record LbfgsCase(string Id, string Spec, string Objective, double[] Start, double[][] Trajectory, int[] Evaluations, double[] Losses);

    private static readonly Lazy<IReadOnlyList<LbfgsCase>> Loaded = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "modern_b_trajectories.json")));
        return [.. doc.RootElement.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("rule").GetString() == "lbfgs").Select(c => new LbfgsCase(
            c.GetProperty("id").GetString()!, c.GetProperty("spec").GetString()!, c.GetProperty("objective").GetString()!,
            [.. c.GetProperty("start").EnumerateArray().Select(x => x.GetDouble())],
            [.. c.GetProperty("trajectory").EnumerateArray().Select(p => p.EnumerateArray().Select(x => x.GetDouble()).ToArray())],
            [.. c.GetProperty("evaluations").EnumerateArray().Select(x => x.GetInt32())],
            [.. c.GetProperty("losses").EnumerateArray().Select(x => x.GetDouble())]))];
    });

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Loaded.Value) data.Add(c.Id);
        return data;
    }

    /// <summary>The reference's objectives, in its order of operations (Python floats: one rounding per operation, no fused multiply-add).</summary>
    internal static double Objective(string name, ReadOnlySpan<double> p, Span<double> g)
    {
        var data = PyTorchReference.ModernB;
        double f = 0;
        if (name == "quartic")
        {
            for (int i = 0; i < p.Length; i++)
            {
                double x = p[i], d = x - data.C[i];
                f += 0.5 * data.A[i] * (d * d);
                f += 0.25 * data.B[i] * (x * x * (x * x));
                g[i] = data.A[i] * (x - data.C[i]) + data.B[i] * x * x * x;
            }
            return f;
        }
        if (name != "rosenbrock") throw new XunitException($"Unknown objective '{name}'.");
        g.Clear();
        for (int i = 0; i < p.Length - 1; i++)
        {
            double u = p[i + 1] - p[i] * p[i], v = 1.0 - p[i];
            f += 100.0 * (u * u);
            f += v * v;
            g[i] = g[i] - 400.0 * u * p[i] - 2.0 * v;
            g[i + 1] = g[i + 1] + 200.0 * u;
        }
        return f;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lbfgs_ReferenceCase_MatchesTorchEveryStepWithItsEvaluations(string id)
    {
        var c = Loaded.Value.Single(x => x.Id == id);
        var optimizer = OptimizerCatalog.Resolve(c.Spec, Convention.PyTorch).Create<double>(c.Start.Length);
        double[] p = [.. c.Start];
        int calls = 0;
        LossOracle<double> closure = (q, g) => { calls++; return Objective(c.Objective, q, g); };
        double worst = 0;
        for (int t = 1; t <= c.Trajectory.Length; t++)
        {
            calls = 0;
            double loss = optimizer.Step(p, closure);
            string where = string.Create(CultureInfo.InvariantCulture, $"{c.Id} {c.Spec} on {c.Objective}, step {t}");
            if (calls != c.Evaluations[t - 1]) throw new XunitException($"{where}: {calls} closure calls, torch {c.Evaluations[t - 1]}.");
            worst = Math.Max(worst, Check(where, "loss", loss, c.Losses[t - 1]));
            for (int i = 0; i < p.Length; i++) worst = Math.Max(worst, Check(where, $"p[{i}]", p[i], c.Trajectory[t - 1][i]));
        }
        output.WriteLine($"{c.Id} {c.Spec} on {c.Objective}: worst relative deviation {worst:E2}");
    }

    [Fact]
    public void ReferenceFile_Lbfgs_CoversBothLineSearchesHistoryLimitsAndEvaluationLimits()
    {
        var specs = Loaded.Value.Select(c => OptimizerSpec.Parse(c.Spec)).ToList();
        Assert.Contains(specs, s => s["line_search"] == "strong_wolfe");
        Assert.Contains(specs, s => s["line_search"] is null);
        Assert.Contains(specs, s => s["history_size"] is "1" or "2");
        Assert.Contains(specs, s => s["max_eval"] is not null);
        Assert.Contains(Loaded.Value, c => c.Objective == "rosenbrock" && OptimizerSpec.Parse(c.Spec)["line_search"] == "strong_wolfe");
        // The line search takes more than one evaluation per iteration somewhere.
        Assert.Contains(Loaded.Value, c => c.Evaluations.Any(e => e > (int.TryParse(OptimizerSpec.Parse(c.Spec)["max_iter"], out int m) ? m : 20)));
    }

    private static double Check(string where, string what, double actual, double expected)
    {
        double deviation = actual.Equals(expected) ? 0 : Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);
        if (!(deviation <= Tolerance))
            throw new XunitException(string.Create(CultureInfo.InvariantCulture, $"{where}: {what} = {actual:R}, torch {expected:R} (deviation {deviation:E2})."));
        return deviation;
    }
}
