using Descent.Specs;

namespace Descent.Tests;

/// <summary>Every optimizer of the catalog, in every convention, reaches the minimum of an ill-conditioned quadratic.</summary>
public class QuadraticConvergenceTests
{
    /// <summary>f(x, y) = (x² + 4y²)/2, minimum 0 at the origin; ∇f = (x, 4y).</summary>
    internal static void Gradient(ReadOnlySpan<double> p, Span<double> g)
    {
        for (int i = 0; i < p.Length; i++) g[i] = (i % 2 == 0 ? 1.0 : 4.0) * p[i];
    }

    internal static double Loss(ReadOnlySpan<double> p)
    {
        double f = 0;
        for (int i = 0; i < p.Length; i++) f += 0.5 * (i % 2 == 0 ? 1.0 : 4.0) * p[i] * p[i];
        return f;
    }

    /// <summary>A spec per rule that converges on the quadratic; only <c>lr</c> is set, so it is valid in every convention.</summary>
    internal static readonly IReadOnlyDictionary<string, string> Specs = new Dictionary<string, string>
    {
        ["sgd"] = "sgd(lr=0.1)",
        ["momentum"] = "momentum(lr=0.05)",
        ["nesterov"] = "nesterov(lr=0.05)",
        ["smoothed-nesterov"] = "smoothed-nesterov(lr=0.05)",
        ["adagrad"] = "adagrad(lr=0.5)",
        ["rmsprop"] = "rmsprop(lr=0.01)",
        // With lr 1 Adadelta settles into a limit cycle across the stiff direction (its steps are scale-free).
        ["adadelta"] = "adadelta(lr=0.5)",
        ["adam"] = "adam(lr=0.05)",
        ["adamw"] = "adamw(lr=0.05)",
        ["adamax"] = "adamax(lr=0.05)",
        ["nadam"] = "nadam(lr=0.05)",
        ["radam"] = "radam(lr=0.05)",
        // Lion moves every coordinate by lr: it ends in a cycle a few lr wide about the minimum.
        ["lion"] = "lion(lr=0.002)",
        ["rprop"] = "rprop(lr=0.01)",
        ["asgd"] = "asgd(lr=0.1)",
        ["adabelief"] = "adabelief(lr=0.05)",
        // LAMB's step is lr times the weights' norm: it closes in geometrically, by about lr per step.
        ["lamb"] = "lamb(lr=0.05)",
        ["schedule-free-adamw"] = "schedule-free-adamw(lr=0.05)",
        // Muon's 1×2 step is the gradient's direction at about length lr: like Lion, a cycle a few lr wide.
        ["muon"] = "muon(lr=0.002)",
        ["lookahead"] = "lookahead(adam(lr=0.05))",
        ["lbfgs"] = "lbfgs(lr=1)",
    };

    public static TheoryData<string, Convention> Matrix()
    {
        var data = new TheoryData<string, Convention>();
        foreach (var entry in OptimizerCatalog.Entries)
            foreach (var convention in new[] { Convention.Lecture, Convention.Lasagne, Convention.PyTorch })
                data.Add(entry.Name, convention);
        return data;
    }

    [Fact]
    public void Catalog_EveryRule_HasAConvergenceSpec()
    {
        Assert.Equal(
            ["sgd", "momentum", "nesterov", "smoothed-nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "adamax", "nadam", "radam", "lion", "rprop", "asgd", "adabelief", "lamb", "schedule-free-adamw", "muon", "lookahead", "lbfgs"],
            OptimizerCatalog.Names);
        Assert.All(OptimizerCatalog.Names, n => Assert.True(Specs.ContainsKey(n), n));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Optimizer_Quadratic_ConvergesToTheMinimum(string name, Convention convention)
    {
        var opt = OptimizerCatalog.Resolve(Specs[name], convention).Create<double>(2);
        double[] p = [1.5, -1.0];
        double start = Loss(p);
        for (int t = 0; t < 3000; t++) opt.StepAny(p, Gradient, Loss);
        double end = Loss(p);
        Assert.True(double.IsFinite(end) && end < 1e-4 * start, $"{name} ({convention}): loss {start} -> {end} at ({p[0]}, {p[1]})");
    }
}
