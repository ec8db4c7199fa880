using System.Globalization;

namespace Descent.Specs;

/// <summary>
/// The built-in rules' learning rates on the classic test functions under the pytorch convention, tuned
/// per function from a grid of 1, 2, 5 × 10^k, picking for each rule one in the middle of the range that
/// converges, so that most paths reach a minimum and the differences between the rules show. Rprop's step sizes
/// adapt from any first one, so most of its column is the default 0.01. Lion moves by exactly lr per coordinate:
/// on Ackley 0.5 would land it on the origin itself, where the gradient is 0/0. Muon's 1×2 update is the
/// gradient direction at about unit length, so it starts from Lion's column. L-BFGS takes up to 20 iterations per step at
/// torch's lr 1; on the saddles, unbounded below, any such step runs off, so there lr is 1e-4 (still far out after 100
/// steps, but not past the divergence bound). Lookahead shows Adam's column around Adam. Each rule
/// registers its column as its <see cref="OptimizerEntry.Showcase"/>, as a user's rule brings its own.
/// </summary>
internal static class ClassicShowcase
{
    // Columns in the order of the built-in registrations.
    private static readonly string[] Rules =
        ["sgd", "momentum", "nesterov", "smoothed-nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "adamax", "nadam", "radam", "lion", "rprop", "asgd", "lbfgs"];

    private static readonly (string Function, double[] LearningRates)[] Table =
    [
        ("rosenbrock", [0.002, 0.001, 0.001, 0.001, 1, 0.01, 1, 0.2, 0.1, 1, 0.05, 0.005, 0.01, 0.01, 0.002, 1]),
        ("beale", [0.02, 0.005, 0.005, 0.005, 0.5, 0.01, 1, 0.1, 0.2, 0.5, 0.05, 0.05, 0.02, 0.01, 0.02, 1]),
        ("himmelblau", [0.005, 0.001, 0.001, 0.001, 1, 0.1, 50, 0.5, 0.5, 0.5, 0.1, 0.05, 0.1, 0.01, 0.005, 1]),
        ("rastrigin", [0.01, 0.002, 0.002, 0.002, 5, 0.5, 500, 2, 2, 2, 1, 0.2, 0.5, 1, 0.05, 1]),
        ("ackley", [0.1, 0.05, 0.05, 0.1, 1, 0.1, 100, 0.5, 0.5, 0.5, 0.5, 2, 1, 5, 0.1, 1]),
        ("booth", [0.05, 0.01, 0.01, 0.01, 10, 0.5, 50, 1, 1, 2, 1, 0.2, 0.5, 0.01, 0.05, 1]),
        ("saddle", [0.02, 0.002, 0.002, 0.002, 0.05, 0.005, 1, 0.01, 0.01, 0.02, 0.01, 0.05, 0.01, 0.001, 0.02, 1e-4]),
        ("monkey-saddle", [0.005, 0.0005, 0.0005, 0.0005, 0.05, 0.005, 0.5, 0.005, 0.005, 0.01, 0.005, 0.02, 0.005, 1e-4, 0.005, 1e-4]),
        ("styblinski-tang", [0.01, 0.002, 0.002, 0.002, 1, 0.05, 10, 0.5, 0.5, 0.5, 0.05, 0.1, 0.02, 0.01, 0.01, 1]),
        ("goldstein-price", [2e-5, 1e-5, 1e-5, 1e-5, 0.1, 0.01, 5, 0.05, 0.05, 0.1, 0.05, 1e-5, 0.02, 0.01, 2e-5, 1]),
    ];

    // The rules beyond the lecture (issue 12), a column each in the Table's row order, tuned the same way
    // (a path counts as converging when it ends within 0.1 of a minimum). AdaBelief's first five steps are plain momentum
    // (rectification), so on Rosenbrock 0.01 already diverges; its eps 1e-16 lets its steps grow
    // large wherever the gradient is predictable, so its rates sit low; LAMB steps by lr times the weights' norm.
    private static readonly Dictionary<string, double[]> Beyond = new()
    {
        ["adabelief"] = [0.005, 0.02, 0.05, 0.5, 2, 0.1, 0.01, 0.005, 0.05, 1e-5],
        ["lamb"] = [0.01, 0.005, 0.05, 1, 0.2, 0.05, 0.01, 0.005, 0.01, 0.005],
        ["schedule-free-adamw"] = [0.05, 0.2, 1, 2, 1, 2, 0.01, 0.005, 0.5, 0.05],
        ["muon"] = [0.01, 0.02, 0.1, 0.5, 1, 0.5, 0.01, 0.005, 0.02, 0.02],
    };

    // A wrapper shows the rule it wraps at that rule's learning rates: lookahead(adam(lr=0.2)).
    private static readonly Dictionary<string, string> Wrapped = new() { ["lookahead"] = "adam" };

    /// <summary>The showcase specs of built-in rule <paramref name="rule"/>, by function name.</summary>
    public static IReadOnlyDictionary<string, string> For(string rule)
    {
        if (Wrapped.TryGetValue(rule, out string? inner))
            return For(inner).ToDictionary(row => row.Key, row => $"{rule}({row.Value})");
        int column = Array.IndexOf(Rules, rule);
        double[]? rates = column >= 0 ? [.. Table.Select(row => row.LearningRates[column])] : Beyond.GetValueOrDefault(rule);
        // A rule without a column (a user's, registered without a showcase) runs at its defaults.
        if (rates is null) return new Dictionary<string, string>();
        return Table.Select((row, i) => (row.Function, Rate: rates[i])).ToDictionary(r => r.Function,
            r => string.Format(CultureInfo.InvariantCulture, "{0}(lr={1:R})", rule, r.Rate));
    }
}
