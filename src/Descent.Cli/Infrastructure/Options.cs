using Descent.Specs;

namespace Descent.Cli.Infrastructure;

/// <summary>Reads the options every command shares, turning library errors into errors that name the option.</summary>
public static class Options
{
    /// <summary>Parses <c>--convention</c>.</summary>
    public static Convention Convention(string text)
    {
        try
        {
            return OptimizerCatalog.ParseConvention(text);
        }
        catch (SpecException e)
        {
            throw new UsageException("--convention", e.Message);
        }
    }

    /// <summary>Checks one <c>--optimizer</c> spec under <paramref name="convention"/>.</summary>
    public static OptimizerOptions Optimizer(string spec, Convention convention)
    {
        try
        {
            return OptimizerCatalog.Resolve(spec, convention);
        }
        catch (SpecException e)
        {
            throw new UsageException("--optimizer", e.Message);
        }
    }
}
