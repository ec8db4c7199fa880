using Descent.Specs;

namespace Descent.Lab;

/// <summary>Reads the optimizer specs of an experiment's config, turning spec errors into lab input errors on <c>optimizer</c>.</summary>
public static class LabOptimizers
{
    /// <summary>Resolves every spec under <paramref name="convention"/>; at least one is required.</summary>
    public static List<OptimizerOptions> Resolve(IReadOnlyList<string> specs, Convention convention)
    {
        if (specs.Count == 0)
            throw new LabInputException("optimizer", $"No optimizer given; write e.g. adam(lr=0.25); valid: {string.Join(", ", OptimizerCatalog.Names)}.");
        var options = new List<OptimizerOptions>(specs.Count);
        foreach (string spec in specs)
        {
            try { options.Add(OptimizerCatalog.Resolve(spec, convention)); }
            catch (SpecException e) { throw new LabInputException("optimizer", e.Message, e); }
        }
        return options;
    }
}
