using System.Numerics;
using System.Reflection;
using System.Text.Json;
using Xunit.Sdk;

namespace Descent.Tests;

/// <summary>
/// The torch.optim trajectories of Reference/pytorch_trajectories.json, made by
/// tools/reference/pytorch_reference.py (PyTorch 1.13, foreach=False); no Descent code produced them.
/// </summary>
internal static class PyTorchReference
{
    private static readonly Lazy<Data> Loaded = new(() => Load("pytorch_trajectories.json"));
    private static readonly Lazy<Data> LoadedConventions = new(() => Load("convention_trajectories.json"));
    private static readonly Lazy<Data> LoadedModern = new(() => Load("modern_rule_trajectories.json"));
    private static readonly Lazy<Data> LoadedModernA = new(() => Load("modern_a_trajectories.json"));
    private static readonly Lazy<Data> LoadedKeras = new(() => Load("keras_trajectories.json"));
    private static readonly Lazy<Data> LoadedModernB = new(() => Load("modern_b_trajectories.json"));

    /// <summary>torch.optim's trajectories.</summary>
    public static Data Get => Loaded.Value;

    /// <summary>The lasagne and lecture formulas of CONVENTIONS.md, transcribed in NumPy (tools/reference/convention_reference.py).</summary>
    public static Data Conventions => LoadedConventions.Value;

    /// <summary>lion (lion-pytorch's formula in torch ops), torch.optim.Rprop and ASGD (tools/reference/modern_reference.py).</summary>
    public static Data Modern => LoadedModern.Value;

    /// <summary>adabelief, lamb and schedule-free-adamw, their official updates in torch ops (tools/reference/modern_a_reference.py).</summary>
    public static Data ModernA => LoadedModernA.Value;
    /// <summary>Keras 3's update_step of every rule it has, in NumPy float64 (tools/reference/keras_reference.py).</summary>
    public static Data Keras => LoadedKeras.Value;
    /// <summary>lookahead (timm's wrapper in torch ops around torch.optim.Adam/SGD) and torch.optim.LBFGS (tools/reference/modern_b_reference.py).</summary>
    public static Data ModernB => LoadedModernB.Value;

    public sealed record Case(string Id, string Convention, string Rule, string Spec, string Torch, string DType, string DefaultDType,
        string Objective, double[] Start, int Steps, double[][] Trajectory);

    public sealed record Data(string TorchVersion, double[] A, double[] C, double[] B, double[][] Sequence, double[][] Special, IReadOnlyList<Case> Cases)
    {
        public Case this[string id] => Cases.Single(c => c.Id == id);
    }

    private static Data Load(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", file);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        var quartic = root.GetProperty("objectives").GetProperty("quartic");
        var cases = root.GetProperty("cases").EnumerateArray().Select(c => new Case(
            c.GetProperty("id").GetString()!,
            c.TryGetProperty("convention", out var convention) ? convention.GetString()! : "pytorch",
            c.GetProperty("rule").GetString()!,
            c.GetProperty("spec").GetString()!,
            c.GetProperty("torch").GetString()!,
            c.GetProperty("dtype").GetString()!,
            c.GetProperty("default_dtype").GetString()!,
            c.GetProperty("objective").GetString()!,
            Vector(c.GetProperty("start")),
            c.GetProperty("steps").GetInt32(),
            [.. c.GetProperty("trajectory").EnumerateArray().Select(Vector)])).ToList();
        return new Data(root.GetProperty("torch").GetString()!,
            Vector(quartic.GetProperty("A")), Vector(quartic.GetProperty("c")), Vector(quartic.GetProperty("B")),
            [.. root.GetProperty("objectives").GetProperty("sequence").GetProperty("gradients").EnumerateArray().Select(Vector)],
            [.. root.GetProperty("objectives").GetProperty("special").GetProperty("gradients").EnumerateArray().Select(Vector)],
            cases);
    }

    /// <summary>Numbers, with NaN and infinities written as the strings "NaN", "Infinity", "-Infinity".</summary>
    private static double[] Vector(JsonElement e) => [.. e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String
        ? double.Parse(x.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
        : x.GetDouble())];
}

/// <summary>
/// The reference cases of one rule as theory rows (the case id); skipped, with the rule named,
/// while the rule is not in the catalog.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class PyTorchCasesAttribute : DataAttribute
{
    private readonly string _rule;
    private readonly bool _torchDefaultDType;

    /// <param name="rule">The Descent rule name.</param>
    /// <param name="torchDefaultDType">Whether to take the cases run with torch's out-of-the-box default dtype instead of the strict ones.</param>
    public PyTorchCasesAttribute(string rule, bool torchDefaultDType = false)
    {
        _rule = rule;
        _torchDefaultDType = torchDefaultDType;
        Skip = RuleAvailability.SkipReason(rule);
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        PyTorchReference.Get.Cases
            .Where(c => c.Rule == _rule && (c.DefaultDType != c.DType) == _torchDefaultDType)
            .Select(c => new object[] { c.Id });
}

/// <summary>The cases of Reference/convention_trajectories.json under one convention and rule; skipped while the rule is missing.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ConventionCasesAttribute : DataAttribute
{
    private readonly string _convention, _rule;

    public ConventionCasesAttribute(string convention, string rule)
    {
        _convention = convention;
        _rule = rule;
        Skip = RuleAvailability.SkipReason(rule);
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        PyTorchReference.Conventions.Cases.Where(c => c.Convention == _convention && c.Rule == _rule).Select(c => new object[] { c.Id });
}

/// <summary>
/// The objectives of the reference file, in closed form and in the same order of operations as the
/// Python script, so both sides see bit-identical gradients.
/// </summary>
internal static class ParityObjective
{
    /// <summary>The gradient the case feeds at step <paramref name="t"/> (from 1) at <paramref name="p"/>.</summary>
    public static void Gradient<T>(PyTorchReference.Data data, string objective, int t, ReadOnlySpan<T> p, Span<T> g)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (objective)
        {
            case "quartic":
                // g_i = A_i·(p_i − c_i) + B_i·p_i·p_i·p_i, evaluated left to right as torch does.
                for (int i = 0; i < p.Length; i++)
                {
                    T a = T.CreateTruncating(data.A[i]), c = T.CreateTruncating(data.C[i]), b = T.CreateTruncating(data.B[i]);
                    g[i] = a * (p[i] - c) + b * p[i] * p[i] * p[i];
                }
                break;
            case "sequence":
                for (int i = 0; i < p.Length; i++) g[i] = T.CreateTruncating(data.Sequence[t - 1][i]);
                break;
            case "special":
                for (int i = 0; i < p.Length; i++) g[i] = T.CreateTruncating(data.Special[t - 1][i]);
                break;
            default:
                throw new XunitException($"Unknown objective '{objective}' in the reference file.");
        }
    }
}
