using Descent.Specs;

namespace Descent.Lab;

/// <summary>Reads the optimizer specs of an experiment's config, turning spec errors into lab input errors on <c>optimizer</c>.</summary>
public static class LabOptimizers
{
    /// <summary>The most optimizers one experiment may compare: each is a full run of its own.</summary>
    public const int MaxCount = 100;

    /// <summary>Resolves every spec under <paramref name="convention"/>; at least one is required, at most <see cref="MaxCount"/>.</summary>
    public static List<OptimizerOptions> Resolve(IReadOnlyList<string> specs, Convention convention)
    {
        ArgumentNullException.ThrowIfNull(specs);
        if (specs.Count == 0)
            throw new LabInputException("optimizer", $"No optimizer given; write e.g. adam(lr=0.25); valid: {string.Join(", ", OptimizerCatalog.Names)}.");
        CheckCount(specs.Count);
        var options = new List<OptimizerOptions>(specs.Count);
        foreach (string spec in specs)
        {
            try { options.Add(OptimizerCatalog.Resolve(spec, convention)); }
            catch (SpecException e) { throw new LabInputException("optimizer", e.Message, e); }
        }
        return options;
    }

    /// <summary>Refuses more than <see cref="MaxCount"/> optimizers.</summary>
    /// <exception cref="LabInputException"><c>optimizer</c>: too many.</exception>
    public static void CheckCount(int count)
    {
        if (count > MaxCount)
            throw new LabInputException("optimizer", $"{count} optimizers is above the limit {MaxCount} per run.");
    }
}
