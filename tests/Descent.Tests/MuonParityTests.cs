using System.Numerics;
using System.Text.Json;
using Descent.Optimizers;
using Descent.Specs;

namespace Descent.Tests;

/// <summary>
/// muon against Reference/muon_trajectories.json (tools/reference/muon_reference.py: torch.optim.Muon's update
/// written out in torch ops and run on torch 1.13, bfloat16 Newton–Schulz included) on wide, tall, square,
/// one-row and one-column matrices, float64 and float32, both learning-rate adjustments, with and without
/// Nesterov and decay. Descent rounds the Newton–Schulz iteration where torch 1.13's kernels do, so every
/// point of every 30-step path is bit-identical.
/// </summary>
public sealed class MuonParityTests
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "muon_trajectories.json"))));

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Document.Value.RootElement.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    private static JsonElement Case(string name) =>
        Document.Value.RootElement.GetProperty("cases").EnumerateArray().First(c => c.GetProperty("name").GetString() == name);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Muon_ReferenceMatrixCase_EveryPointBitIdentical(string name)
    {
        var c = Case(name);
        if (c.GetProperty("dtype").GetString() == "float64") Run<double>(c);
        else Run<float>(c);
    }

    private static T[] Flat<T>(JsonElement matrix) where T : unmanaged, IFloatingPointIeee754<T> =>
        [.. matrix.EnumerateArray().SelectMany(row => row.EnumerateArray()).Select(v => T.CreateTruncating(v.GetDouble()))];

    private static void Run<T>(JsonElement c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rows = c.GetProperty("rows").GetInt32(), cols = c.GetProperty("cols").GetInt32();
        var options = (MuonOptions)OptimizerCatalog.Resolve(c.GetProperty("spec").GetString()!, Convention.PyTorch);
        var optimizer = new Muon<T>(rows * cols, [new ParameterGroup<MuonOptions>(0, rows * cols, options) { Rows = rows }]);
        T[] p = Flat<T>(c.GetProperty("start")), d = Flat<T>(c.GetProperty("d")), t = Flat<T>(c.GetProperty("t"));
        var g = new T[p.Length];
        T tenth = T.CreateTruncating(0.1);
        var path = c.GetProperty("path").EnumerateArray().ToArray();
        for (int step = 1; step < path.Length; step++)
        {
            // Separately rounded operations, as torch's elementwise kernels.
            for (int i = 0; i < p.Length; i++) g[i] = d[i] * (p[i] - t[i]) + tenth * (p[i] * p[i] * p[i]);
            optimizer.Step(p, g);
            T[] expected = Flat<T>(path[step]);
            for (int i = 0; i < p.Length; i++)
                Assert.True(p[i] == expected[i], $"{c.GetProperty("name").GetString()} step {step}, element {i}: got {p[i]:R}, reference {expected[i]:R}");
        }
    }
}
