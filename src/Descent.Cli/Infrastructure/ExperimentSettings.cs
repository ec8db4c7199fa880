using System.ComponentModel;
using Spectre.Console.Cli;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// The options every experiment command shares (the CLI contract): optimizer specs, the convention, the
/// data format, the output folder, the figure file and a recipe.
/// </summary>
public abstract class ExperimentSettings : CommandSettings
{
    /// <summary>Optimizer specs.</summary>
    [CommandOption("--optimizer <SPEC>")]
    [Description("optimizer spec, repeatable, e.g. \"adam(lr=0.25, beta1=0.9)\"")]
    public string[] Optimizers { get; init; } = [];

    /// <summary>The user's named typed rules.</summary>
    [CommandOption("--rules <FILE>")]
    [Description("a file of named typed rules, one 'name: rule(...)' per line; then --optimizer \"name(lr=0.1)\"")]
    public string? Rules { get; init; }

    /// <summary>Convention.</summary>
    [CommandOption("--convention <C>")]
    [Description("lecture, lasagne, pytorch or keras (default pytorch)")]
    public string Convention { get; init; } = "pytorch";

    /// <summary>Data format.</summary>
    [CommandOption("--format <F>")]
    [Description("csv or json (default csv)")]
    public string? Format { get; init; }

    /// <summary>Output folder.</summary>
    [CommandOption("--out <DIR>")]
    [Description("write the data (csv, json) and the figures into DIR")]
    public string? Out { get; init; }

    /// <summary>Figure file.</summary>
    [CommandOption("--png <FILE>")]
    [Description("write the figure (.png, or .svg) to FILE")]
    public string? Png { get; init; }

    /// <summary>A named preset of figures.</summary>
    [CommandOption("--recipe <NAME>")]
    [Description("run every figure of a recipe into --out DIR (see 'descent list recipes')")]
    public string? Recipe { get; init; }

    /// <summary>The data format, checked: <c>csv</c> (the default) or <c>json</c>.</summary>
    public string DataFormat()
    {
        string format = (Format ?? "csv").ToLowerInvariant();
        if (format is not ("csv" or "json")) throw new UsageException("--format", $"unknown format '{Format}'; valid: csv, json.");
        return format;
    }

    /// <summary>The recipe <see cref="Recipe"/> names, of the experiment <typeparamref name="TRecipe"/> runs.</summary>
    public TRecipe FindRecipe<TRecipe>() where TRecipe : Descent.Lab.Recipes.Recipe
    {
        try
        {
            return Descent.Lab.Recipes.RecipeCatalog.Find<TRecipe>(Recipe!);
        }
        catch (Descent.Lab.LabInputException e)
        {
            throw new UsageException("--recipe", e.Message);
        }
    }

    /// <summary>The checked <c>--out</c> folder a recipe's figures go to; a recipe needs one.</summary>
    public string RecipeFolder(Descent.Lab.Recipes.Recipe recipe) =>
        Files.OutputDirectory(Out ?? throw new UsageException("--out", $"--recipe {recipe.Name} writes {recipe.Count} figures and needs --out DIR."));

    /// <summary>The optimizer specs, once <c>--rules</c> has named the user's rules; at least one is required.</summary>
    public string[] RequiredOptimizers(string example)
    {
        RulesFile.Load(Rules);
        return Optimizers.Length > 0 ? Optimizers
            : throw new UsageException("--optimizer", $"at least one is required, e.g. --optimizer \"{example}\"; valid names: {string.Join(", ", Descent.Specs.OptimizerCatalog.Names)}.");
    }
}
