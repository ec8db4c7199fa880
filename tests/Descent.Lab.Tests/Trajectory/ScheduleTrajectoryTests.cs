using System.Text.Json;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Tests.Trajectory;

/// <summary>
/// Trajectories whose specs carry the shared keys — schedule, clip_norm — against a torch.optim 1.13
/// loop with lr_scheduler and clip_grad_norm_ on hills-and-canyon, gradients by autograd
/// (Reference/schedule_landscape_trajectories.json, made by tools/reference/schedule_landscape_reference.py).
/// </summary>
public sealed class ScheduleTrajectoryTests
{
    private static readonly Lazy<(double[] Start, int Steps, IReadOnlyList<(string Spec, double[][] Path)> Paths)> Reference = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "schedule_landscape_trajectories.json")));
        var root = doc.RootElement;
        double[] V(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetDouble())];
        return (V(root.GetProperty("start")), root.GetProperty("steps").GetInt32(),
            [.. root.GetProperty("paths").EnumerateArray().Select(p => (p.GetProperty("spec").GetString()!, (double[][])[.. p.GetProperty("path").EnumerateArray().Select(V)]))]);
    });

    public static TheoryData<string> Specs() => [.. Reference.Value.Paths.Select(p => p.Spec)];

    [Theory]
    [MemberData(nameof(Specs))]
    public void Trajectory_ScheduleOrClipSpec_MatchesTorchLoopAtEveryPoint(string spec)
    {
        var (start, steps, paths) = Reference.Value;
        var expected = paths.Single(p => p.Spec == spec).Path;
        var config = new TrajectoryConfig { Function = "hills-and-canyon", Optimizers = [spec], Convention = Convention.PyTorch, Start = new(start[0], start[1]), Steps = steps };
        var path = Assert.Single(TrajectoryExperiment.Run(config).Paths);
        Assert.Equal(steps + 1, path.X.Count);
        // These paths are not chaotic: a last-bit change of torch's exp moves none of them by 1e-12.
        for (int k = 0; k <= steps; k++)
        {
            Assert.True(Math.Abs(path.X[k] - expected[k][0]) <= 1e-10 && Math.Abs(path.Y[k] - expected[k][1]) <= 1e-10,
                $"{spec}, step {k}: expected ({expected[k][0]:R}, {expected[k][1]:R}), got ({path.X[k]:R}, {path.Y[k]:R})");
        }
    }

    [Fact]
    public void Reference_CoversTheIssuesCases()
    {
        var specs = Reference.Value.Paths.Select(p => p.Spec).ToList();
        Assert.Contains("adam(lr=0.25,schedule=cosine(t_max=125,eta_min=0.01))", specs);
        Assert.Contains(specs, s => s.Contains("clip_norm=0.5", StringComparison.Ordinal));
        Assert.Contains(specs, s => s.StartsWith("sgd(", StringComparison.Ordinal) && s.Contains("onecycle(", StringComparison.Ordinal));
        Assert.Contains(specs, s => s.Contains("sequential(linear(", StringComparison.Ordinal));
    }

    [Fact]
    public void Response_PlateauSchedule_RefusedForWantOfALoss()
    {
        var config = new Descent.Lab.Response.ResponseConfig { Signal = "rectangles", Optimizers = ["adam(schedule=plateau)"] };
        var e = Assert.Throws<LabInputException>(() => Descent.Lab.Response.ResponseExperiment.Run(config));
        Assert.Equal("optimizer", e.Argument);
        Assert.Contains("plateau reads the loss", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("adam(schedule=onecycle(max_lr=0.1, total_steps=50))", "ends after 50 steps and the run takes 125")]
    [InlineData("adam(schedule=sequential(linear(total_iters=5), onecycle(max_lr=0.1, total_steps=100), milestones=[5]))", "ends after 105 steps")]
    [InlineData("adam(schedule=cosine(t_max=10, per=epoch))", "per=epoch needs epochs")]
    public void Trajectory_ScheduleTheRunCannotFollow_RefusedBeforeAnyWork(string spec, string problem)
    {
        var config = new TrajectoryConfig { Function = "quadratic", Optimizers = [spec], Steps = 125 };
        var e = Assert.Throws<LabInputException>(() => TrajectoryExperiment.Validate(config));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }
}
