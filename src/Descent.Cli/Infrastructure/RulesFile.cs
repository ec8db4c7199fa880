using Descent.Rules;
using Descent.Specs;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// <c>--rules FILE</c>: the user's named typed rules, one per line (<c>myadam: rule(...)</c>), registered before
/// the command reads its specs, so <c>--optimizer "myadam(lr=0.1)"</c> works and <c>descent list optimizers</c> shows them.
/// </summary>
public static class RulesFile
{
    /// <summary>The largest rules file read, in bytes: far more than a person types, small enough to check at once.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>Registers the rules of <paramref name="path"/> (nothing when null).</summary>
    public static void Load(string? path)
    {
        if (path is null) return;
        var file = new FileInfo(path);
        if (!file.Exists) throw new UsageException("--rules", $"no file '{OptimizerSpec.Quote(path)}'; a rules file has one 'name: rule(...)' per line.");
        if (file.Length > MaxBytes) throw new UsageException("--rules", $"'{OptimizerSpec.Quote(path)}' is {file.Length} bytes; the limit is {MaxBytes}.");
        try
        {
            TypedRules.RegisterAll(File.ReadAllLines(path));
        }
        catch (SpecException e)
        {
            throw new UsageException("--rules", e.Message);
        }
    }
}
