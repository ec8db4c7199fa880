using System.Numerics;
using System.Text.Json;
using Descent.Specs;

namespace Descent.Tests;

/// <summary>
/// The keys every rule shares against torch 1.13 (Reference/core_trajectories.json, made by
/// tools/reference/core_reference.py): clip_grad_norm_ and clip_grad_value_ before the step,
/// lr_scheduler stepped after it (ReduceLROnPlateau with the loss), weight decay in both modes. Each
/// case's Descent spec is resolved in the pytorch convention and replayed on the same quartic.
/// </summary>
public sealed class CoreParityTests
{
    private sealed record Case(string Id, string Spec, string DType, int Steps, double[] Start, double[] Lrs, double[][] Trajectory);

    private static readonly Lazy<(double[] A, double[] C, double[] B, IReadOnlyList<Case> Cases)> Data = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "core_trajectories.json")));
        var root = doc.RootElement;
        double[] V(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetDouble())];
        var o = root.GetProperty("objective");
        return (V(o.GetProperty("A")), V(o.GetProperty("c")), V(o.GetProperty("B")),
            [.. root.GetProperty("cases").EnumerateArray().Select(c => new Case(c.GetProperty("id").GetString()!, c.GetProperty("spec").GetString()!,
                c.GetProperty("dtype").GetString()!, c.GetProperty("steps").GetInt32(), V(c.GetProperty("start")), V(c.GetProperty("lrs")),
                [.. c.GetProperty("trajectory").EnumerateArray().Select(V)]))]);
    });

    public static TheoryData<string> Ids() => [.. Data.Value.Cases.Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void SharedKeys_AgainstTorchLoop_MatchEveryStep(string id)
    {
        var c = Data.Value.Cases.Single(x => x.Id == id);
        if (c.DType == "float32") Replay<float>(c, 1e-6);
        else Replay<double>(c, 1e-10);
    }

    [Fact]
    public void Reference_CoversClippingEveryScheduleFamilyAndDecay()
    {
        var specs = Data.Value.Cases.Select(c => c.Spec).ToList();
        foreach (string key in new[] { "clip_norm=", "clip_value=", "weight_decay=", "adamw(", "onecycle(", "cyclic(", "sequential(", "plateau(", "cosine(", "cosine-restarts(" })
            Assert.Contains(specs, s => s.Contains(key, StringComparison.Ordinal));
    }

    private static void Replay<T>(Case c, double tolerance) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (a, cc, b, _) = Data.Value;
        var options = OptimizerCatalog.Resolve(c.Spec, Convention.PyTorch);
        var optimizer = options.Create<T>(5);
        T[] p = [.. c.Start.Select(T.CreateTruncating)], g = new T[5];
        T[] A = [.. a.Select(T.CreateTruncating)], C = [.. cc.Select(T.CreateTruncating)], B = [.. b.Select(T.CreateTruncating)];
        T Two = T.CreateTruncating(2), Four = T.CreateTruncating(4);
        for (int t = 0; t < c.Steps; t++)
        {
            T loss = T.Zero;
            for (int i = 0; i < 5; i++)
            {
                // torch: g = A*(p - c) + B*p*p*p, rounded after every operation (no fusion in these tensor ops).
                g[i] = A[i] * (p[i] - C[i]) + B[i] * p[i] * p[i] * p[i];
                T d = p[i] - C[i];
                loss += A[i] / Two * (d * d) + B[i] / Four * (p[i] * p[i] * p[i] * p[i]);
            }
            optimizer.Step(p, g, double.CreateTruncating(loss));
            for (int i = 0; i < 5; i++)
            {
                double expected = c.Trajectory[t][i], actual = double.CreateTruncating(p[i]);
                if (!(Math.Abs(actual - expected) <= tolerance * Math.Max(1, Math.Abs(expected))))
                    Assert.Fail($"{c.Id}: step {t + 1}, parameter {i}: expected {expected:R}, got {actual:R}");
            }
        }
    }
}
