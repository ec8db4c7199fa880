using System.Text.Json;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Tests.Trajectory;

/// <summary>
/// The keras convention on the lecture's seven landscapes against Reference/keras_trajectories.json (shared/reference:
/// Keras 3's optimizer formulas in Keras's operation order, NumPy float64, autograd gradients; no Descent code made
/// them): its six specs on every landscape, within 1e-6 at every point before the path's stored horizon (every point
/// where it is null). Specs leave most keys out, so Keras's defaults (eps 1e-7, Adagrad's accumulator 0.1, RMSprop's
/// rho 0.9, Lion's betas) are checked too.
/// </summary>
public sealed class KerasLandscapeParityTests
{
    private const double Tolerance = 1e-6;

    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "keras_trajectories.json"))));

    private static JsonElement Root => Document.Value.RootElement.GetProperty("lecture_start");

    public static TheoryData<string, string> Paths()
    {
        var data = new TheoryData<string, string>();
        foreach (var landscape in LandscapeReference.Landscapes.Keys)
            foreach (string spec in new[] { "sgd(lr=0.01,momentum=0.9)", "rmsprop(lr=0.05)", "adagrad(lr=1.0)", "adam(lr=0.25)", "nadam(lr=0.25)", "lion(lr=0.05)" })
                data.Add(landscape, spec);
        return data;
    }

    [Fact]
    public void ReferenceFile_SixSpecsOnSevenLandscapes_AreAllHere()
    {
        var paths = Root.GetProperty("paths");
        Assert.Equal(LandscapeReference.Landscapes.Keys.Order(), paths.EnumerateObject().Select(p => p.Name).Order());
        foreach (var landscape in paths.EnumerateObject())
            Assert.Equal(6, landscape.Value.EnumerateObject().Count());
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void KerasConvention_ReferencePath_MatchesWithin1e6UpToItsHorizon(string landscape, string spec)
    {
        var root = Root;
        var expected = root.GetProperty("paths").GetProperty(landscape).GetProperty(spec).EnumerateArray()
            .Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToArray();
        var horizonElement = root.GetProperty("horizons").GetProperty(landscape).GetProperty(spec);
        int horizon = horizonElement.ValueKind == JsonValueKind.Null ? int.MaxValue : horizonElement.GetInt32();
        var start = root.GetProperty("start");
        var config = new TrajectoryConfig
        {
            Function = LandscapeReference.Landscapes[landscape],
            Optimizers = [spec],
            Convention = Convention.Keras,
            Start = new(start[0].GetDouble(), start[1].GetDouble()),
            Steps = root.GetProperty("steps").GetInt32(),
        };

        var path = Assert.Single(TrajectoryExperiment.Run(config).Paths);

        Assert.Equal(expected.Length, path.Count);
        for (int t = 0; t < expected.Length && t < horizon; t++)
        {
            double error = Math.Max(Math.Abs(path.X[t] - expected[t].X), Math.Abs(path.Y[t] - expected[t].Y));
            Assert.True(error <= Tolerance,
                $"{landscape} {spec} (keras), point {t}: got ({path.X[t]:R}, {path.Y[t]:R}), reference ({expected[t].X:R}, {expected[t].Y:R}), off by {error:G3}");
        }
    }

    [Fact]
    public void KerasConvention_RuleKerasLacks_IsRefusedNamingTheRulesItHas()
    {
        var config = new TrajectoryConfig { Function = "hills-and-canyon", Optimizers = ["rprop(lr=0.01)"], Convention = Convention.Keras, Steps = 5 };

        var e = Assert.ThrowsAny<Exception>(() => TrajectoryExperiment.Run(config));

        Assert.Contains("rprop has no keras formula", e.Message);
        Assert.Contains("keras has: sgd, momentum, nesterov, adagrad, rmsprop, adadelta, adam, adamw, adamax, nadam, lion", e.Message);
    }
}
