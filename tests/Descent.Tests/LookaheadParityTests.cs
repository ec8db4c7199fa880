using System.Globalization;
using System.Numerics;
using Descent.Specs;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Descent.Tests;

/// <summary>
/// lookahead against Reference/modern_b_trajectories.json (tools/reference/modern_b_reference.py): timm's Lookahead
/// wrapper transcribed in torch ops around torch.optim.Adam and SGD 1.13 themselves, float64 within 1e-12 relative at
/// every step of 320 (6 in the special case), float32 within 1e-6. The wrapper's slow step is torch's
/// <c>slow.add_(p − slow, alpha=α)</c>, a fused multiply-add, and the slow buffer is created lazily at step k.
/// </summary>
public sealed class LookaheadParityTests(ITestOutputHelper output)
{
    private const double DoubleTolerance = 1e-12;
    private const double FloatTolerance = 1e-6;

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in PyTorchReference.ModernB.Cases.Where(c => c.Rule == "lookahead")) data.Add(c.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lookahead_ReferenceCase_MatchesTimmEveryStep(string id)
    {
        var c = PyTorchReference.ModernB[id];
        double worst = c.DType == "float64" ? Run<double>(c, DoubleTolerance) : Run<float>(c, FloatTolerance);
        output.WriteLine($"{c.Id} {c.Spec} ({c.DType}, {c.Steps} steps): worst relative deviation {worst:E2}");
    }

    [Fact]
    public void ReferenceFile_Lookahead_CoversDefaultsEdgesAdamSgdSequenceSpecialAndFloat32()
    {
        var cases = PyTorchReference.ModernB.Cases.Where(c => c.Rule == "lookahead").ToList();
        Assert.StartsWith("1.13", PyTorchReference.ModernB.TorchVersion);
        Assert.All(cases, c => Assert.Equal(c.Steps, c.Trajectory.Length));
        var specs = cases.Select(c => OptimizerSpec.Parse(c.Spec)).ToList();
        Assert.Contains(specs, s => s["k"] is null && s["alpha"] is null);
        Assert.Contains(specs, s => s["k"] == "1");
        Assert.Contains(specs, s => s["alpha"] == "0.0");
        Assert.Contains(specs, s => s["alpha"] == "1.0");
        Assert.Contains(specs, s => s.Values[0].Value.StartsWith("sgd(", StringComparison.Ordinal));
        Assert.Contains(cases, c => c.Objective == "sequence");
        Assert.Contains(cases, c => c.Objective == "special");
        Assert.Contains(cases, c => c.DType == "float32");
    }

    /// <summary>timm creates the slow buffer at the first sync from that step's fast weights: step k is plain Adam, the first pull-back is at 2k.</summary>
    [Fact]
    public void Lookahead_FirstSync_ChangesNothingAndThePullBackComesAtTwiceK()
    {
        var lookahead = OptimizerCatalog.Resolve("lookahead(adam(lr=0.1), k=3, alpha=0.5)", Convention.PyTorch).Create<double>(1);
        var adam = OptimizerCatalog.Resolve("adam(lr=0.1)", Convention.PyTorch).Create<double>(1);
        double[] p = [1.0], q = [1.0];
        double slowAt3 = double.NaN;
        for (int t = 1; t <= 6; t++)
        {
            // f = x²/2 on both: the gradient is x.
            lookahead.Step(p, [p[0]]);
            adam.Step(q, [q[0]]);
            if (t <= 5) Assert.Equal(q[0], p[0]);
            if (t == 3) slowAt3 = lookahead.State("slow_buffer")[0];
        }
        // Adam's fast weight after step 6, then halfway back to the slow weight of step 3.
        Assert.Equal(Math.FusedMultiplyAdd(0.5, q[0] - slowAt3, slowAt3), p[0]);
        Assert.NotEqual(q[0], p[0]);
    }

    private static double Deviation(double actual, double expected) =>
        actual.Equals(expected) ? 0
        : double.IsFinite(expected) ? Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300)
        : double.PositiveInfinity;

    private static double Run<T>(PyTorchReference.Case c, double tolerance) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var data = PyTorchReference.ModernB;
        var optimizer = OptimizerCatalog.Resolve(c.Spec, Convention.PyTorch).Create<T>(c.Start.Length);
        T[] p = [.. c.Start.Select(T.CreateTruncating)];
        T[] g = new T[p.Length];
        double worst = 0;
        for (int t = 1; t <= c.Steps; t++)
        {
            ParityObjective.Gradient<T>(data, c.Objective, t, p, g);
            optimizer.Step(p, g);
            for (int i = 0; i < p.Length; i++)
            {
                double expected = c.Trajectory[t - 1][i];
                double deviation = Deviation(double.CreateTruncating(p[i]), expected);
                if (!(deviation <= tolerance))
                    throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                        $"{c.Id} {c.Spec} ({c.DType}) vs {c.Torch}: step {t}, p[{i}] = {double.CreateTruncating(p[i]):R}, reference {expected:R} (deviation {deviation:E2} > {tolerance:E0})."));
                worst = Math.Max(worst, deviation);
            }
        }
        return worst;
    }
}
