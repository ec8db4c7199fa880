using System.Text.Json;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Tests.Trajectory;

/// <summary>
/// lion, rprop, asgd, adabelief, lamb, schedule-free-adamw, muon (the 1×2 matrix [[x, y]], bfloat16 Newton–Schulz) and
/// lookahead (timm's, around torch.optim.Adam) on the lecture's seven landscapes against Reference/modern_trajectories.json
/// (shared/reference: the official implementations — lucidrains/lion-pytorch's Lion, torch.optim.Rprop and ASGD 1.13,
/// adabelief-pytorch 0.2.1, timm's Lamb and Lookahead, schedule_free's AdamWScheduleFree, torch.optim.Muon — run under
/// PyTorch 1.13 with autograd gradients, float64), within 1e-6 at every point before the path's stored horizon (every
/// point where it is null; lamb's is set on wobbly, ripple and two-minimums, lbfgs's on ripple: chaotic from its first
/// 20-evaluation step), and lbfgs (torch.optim.LBFGS, one step(closure) per point) with the closure calls of each step
/// equal to torch's.
/// </summary>
public sealed class ModernLandscapeParityTests
{
    private const double Tolerance = 1e-6;

    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "modern_trajectories.json"))));

    public static TheoryData<string, string> Paths()
    {
        var data = new TheoryData<string, string>();
        foreach (var landscape in LandscapeReference.Landscapes.Keys)
            foreach (string spec in new[] { "lion(lr=0.05)", "rprop(lr=0.01)", "asgd(lr=0.05)", "muon(lr=0.02)", "lookahead(adam(lr=0.25),k=5,alpha=0.5)", "lbfgs(lr=1)" })
                data.Add(landscape, spec);
        // adabelief, lamb and schedule-free-adamw (recorded at its evaluation point x, as the reference records it).
        foreach (var landscape in LandscapeReference.Landscapes.Keys)
            foreach (string spec in new[] { "adabelief(lr=0.25)", "lamb(lr=0.25)", "schedule-free-adamw(lr=0.25)" })
                data.Add(landscape, spec);
        return data;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void ModernRule_OfficialImplementationPath_MatchesWithin1e6UpToItsHorizon(string landscape, string spec)
    {
        var root = Document.Value.RootElement;
        var expected = root.GetProperty("paths").GetProperty(landscape).GetProperty(spec).EnumerateArray()
            .Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToArray();
        var horizonElement = root.GetProperty("horizons").GetProperty(landscape).GetProperty(spec);
        int horizon = horizonElement.ValueKind == JsonValueKind.Null ? int.MaxValue : horizonElement.GetInt32();
        var start = root.GetProperty("start");
        var config = new TrajectoryConfig
        {
            Function = LandscapeReference.Landscapes[landscape],
            Optimizers = [spec],
            Convention = Convention.PyTorch,
            Start = new(start[0].GetDouble(), start[1].GetDouble()),
            Steps = root.GetProperty("steps").GetInt32(),
        };

        var path = Assert.Single(TrajectoryExperiment.Run(config).Paths);

        Assert.Equal(expected.Length, path.Count);
        for (int t = 0; t < expected.Length && t < horizon; t++)
        {
            double error = Math.Max(Math.Abs(path.X[t] - expected[t].X), Math.Abs(path.Y[t] - expected[t].Y));
            Assert.True(error <= Tolerance,
                $"{landscape} {spec}, point {t}: got ({path.X[t]:R}, {path.Y[t]:R}), reference ({expected[t].X:R}, {expected[t].Y:R}), off by {error:G3}");
        }
        // L-BFGS: the closure calls of every step before the horizon, as torch counted them.
        if (!root.GetProperty("evaluations").GetProperty(landscape).TryGetProperty(spec, out var counts)) return;
        var evaluations = counts.EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.NotNull(path.Evaluations);
        for (int step = 1; step <= evaluations.Length && step < horizon; step++)
            Assert.True(evaluations[step - 1] == path.Evaluations![step - 1],
                $"{landscape} {spec}, step {step}: {path.Evaluations[step - 1]} evaluations, torch {evaluations[step - 1]}");
    }
}
