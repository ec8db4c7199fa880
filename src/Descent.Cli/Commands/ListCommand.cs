using System.ComponentModel;
using Descent.Cli.Infrastructure;
using Descent.Specs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Descent.Cli.Commands;

/// <summary><c>descent list [optimizers|functions|signals|recipes|datasets]</c>: the catalogs as tables on standard output.</summary>
public sealed class ListCommand : Command<ListCommand.Settings>
{
    /// <summary>What to list.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The catalog; all of them when omitted.</summary>
        [CommandArgument(0, "[what]")]
        [Description("optimizers, functions, signals, recipes or datasets (default: all)")]
        public string? What { get; init; }

        /// <summary>The user's named typed rules, listed with the built-ins.</summary>
        [CommandOption("--rules <FILE>")]
        [Description("a file of named typed rules, one 'name: rule(...)' per line")]
        public string? Rules { get; init; }
    }

    private static readonly Dictionary<string, Func<Table>> Catalogs = new()
    {
        ["optimizers"] = Optimizers,
        ["functions"] = Functions,
        ["signals"] = Signals,
        ["recipes"] = Recipes,
        ["datasets"] = Datasets,
    };

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        RulesFile.Load(settings.Rules);
        if (settings.What is null)
        {
            foreach (var (name, table) in Catalogs)
            {
                Terminal.Out.Write(new Rule(name).LeftJustified());
                Terminal.Out.Write(table());
            }
            return 0;
        }
        if (!Catalogs.TryGetValue(settings.What.ToLowerInvariant(), out var make))
            throw new UsageException("list", $"unknown catalog '{settings.What}'; valid: {string.Join(", ", Catalogs.Keys)}.");
        Terminal.Out.Write(make());
        return 0;
    }

    private static Table Functions()
    {
        var table = new Table().AddColumns("name", "kind", "formula", "domain", "start", "known minima");
        foreach (var e in Descent.Functions.FunctionCatalog.All)
        {
            string name = e.Aliases.Count > 0 ? $"{e.Name} (alias {string.Join(", ", e.Aliases)})" : e.Name;
            string minima = string.Join("; ", e.Minima.Select(m => m.ToString()));
            table.AddRow(Markup.Escape(name), e.Kind.ToString().ToLowerInvariant(), Markup.Escape(e.Formula), Markup.Escape(e.Domain.ToString()),
                Markup.Escape(e.Start.ToString()), Markup.Escape(minima));
        }
        return table;
    }

    private static Table Signals()
    {
        var table = new Table().AddColumns("name", "what it shows");
        foreach (var e in Lab.Signals.SignalCatalog.Entries) table.AddRow(Markup.Escape(e.Name), Markup.Escape(e.Description));
        return table;
    }

    private static Table Recipes()
    {
        var table = new Table().AddColumns("name", "experiment", "figures", "description");
        foreach (var r in Lab.Recipes.RecipeCatalog.Entries)
            table.AddRow(Markup.Escape(r.Name), r.Experiment, r.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(r.Description));
        return table;
    }

    private static Table Datasets()
    {
        var table = new Table().AddColumns("name", "samples (train / test)", "shape", "classes", "source and licence");
        foreach (var (name, summary) in Descent.Training.Datasets.DatasetCatalog.Entries)
        {
            var data = Descent.Training.Datasets.DatasetCatalog.Load(name);
            table.AddRow(Markup.Escape(name),
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{data.Train.Count + data.Test.Count:N0} ({data.Train.Count:N0} / {data.Test.Count:N0})"),
                Markup.Escape(data.SampleShape.ToString()), data.ClassCount.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(summary));
        }
        table.AddRow("DIR", "as found", "as found", "largest label + 1", Markup.Escape($"your own IDX files: {string.Join(", ", Descent.Training.Datasets.DatasetCatalog.StandardFiles)} (raw or .gz), e.g. full MNIST or Fashion-MNIST"));
        return table;
    }

    private static Table Optimizers()
    {
        // The summary names the paper and the implementation a rule follows (torch.optim 1.13, lion-pytorch…).
        var conventions = OptimizerCatalog.Conventions;
        var table = new Table().AddColumns(["name", "summary", "keys", .. conventions.Select(c => $"{OptimizerCatalog.Name(c)} defaults")]);
        foreach (var entry in OptimizerCatalog.Entries)
        {
            var cells = new List<string> { entry.Name, entry.Summary, string.Join(" ", entry.Keys.Select(k => k.Name)) };
            foreach (var c in conventions)
            {
                // Keras lacks some rules and runs no other library's formula in their place.
                if (!entry.Has(c))
                {
                    cells.Add($"(no {OptimizerCatalog.Name(c)} formula)");
                    continue;
                }
                var effective = entry.Effective(c);
                string defaults = string.Join(" ", OptimizerCatalog.Describe(entry.Defaults(c)).Values.Select(v => v.Key.Length == 0 ? v.Value : $"{v.Key}={v.Value}"));
                cells.Add(effective == c ? defaults : $"({OptimizerCatalog.Name(effective)} formula) {defaults}");
            }
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        return table;
    }
}
