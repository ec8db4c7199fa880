using System.Collections.Immutable;
using Descent.Rules;

namespace Descent.Optimizers;

/// <summary>
/// Options of a rule typed as statements (<see cref="RuleSyntax"/>): the compiled program, the values of its
/// hyperparameters and the initial values of its state. The shared keys (lr, schedule, clipping, weight decay)
/// work as for every rule; a schedule scales <c>lr</c>. Build one from text with
/// <see cref="Specs.OptimizerCatalog.Resolve(string, Convention)"/> (<c>rule(p = p - lr*g | lr=0.1)</c>) or
/// register a named rule with <see cref="TypedRules.Register"/>.
/// </summary>
public sealed record TypedRuleOptions : OptimizerOptions
{
    /// <summary>A rule named <paramref name="ruleName"/> (<c>rule</c> when unnamed) running <paramref name="program"/>.</summary>
    public TypedRuleOptions(string ruleName, RuleProgram program, ImmutableDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(values);
        RuleName = ruleName;
        Program = program;
        Values = values;
    }

    /// <inheritdoc/>
    public override string Name => RuleName;

    /// <summary>The registered name, or <see cref="TypedRules.Unnamed"/>.</summary>
    public string RuleName { get; init; }

    /// <summary>The statements, parsed and checked.</summary>
    public RuleProgram Program { get; init; }

    /// <summary>Hyperparameter values and initial state values by name (state absent here starts at 0).</summary>
    public ImmutableDictionary<string, double> Values { get; init; }

    /// <inheritdoc/>
    public override int GradientsPerStep() => Program.GradientsPerStep;

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        foreach (string h in Program.Hyperparameters)
            if (!Values.ContainsKey(h)) yield return $"hyperparameter {h} has no value";
        foreach (var (name, value) in Values)
            if (!double.IsFinite(value)) yield return $"{name} must be finite, got {value}";
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new TypedRule<T>(length, this);
}
