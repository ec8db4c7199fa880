using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Descent.Cli.Infrastructure;
using Descent.Lab.Bench;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Descent.Cli.Commands;

/// <summary><c>descent bench</c>: steady-state step speed per optimizer beside the machine's copy bandwidth.</summary>
public sealed class BenchCommand : Command<BenchCommand.Settings>
{
    /// <summary>Options of <c>descent bench</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Optimizer specs; every rule without a look-ahead oracle when omitted.</summary>
        [CommandOption("--optimizer <SPEC>")]
        [Description("optimizer spec, repeatable (default: all that step without an oracle)")]
        public string[] Optimizers { get; init; } = [];

        /// <summary>The user's named typed rules.</summary>
        [CommandOption("--rules <FILE>")]
        [Description("a file of named typed rules, one 'name: rule(...)' per line")]
        public string? Rules { get; init; }

        /// <summary>Parameters per step.</summary>
        [CommandOption("--params <N>")]
        [Description("number of parameters (default 10000000)")]
        [ValidRange(1, int.MaxValue)]
        public long Params { get; init; } = 10_000_000;

        /// <summary><c>float</c> or <c>double</c>.</summary>
        [CommandOption("--precision <P>")]
        [Description("float or double (default float)")]
        public string Precision { get; init; } = "float";

        /// <summary>Thread cap.</summary>
        [CommandOption("--threads <N>")]
        [Description("threads per step (default: all cores)")]
        [ValidRange(1, int.MaxValue)]
        public int? Threads { get; init; }

        /// <summary><c>table</c> or <c>json</c>.</summary>
        [CommandOption("--format <F>")]
        [Description("table or json (default table)")]
        public string Format { get; init; } = "table";

        /// <summary>Convention the specs are read in.</summary>
        [CommandOption("--convention <C>")]
        [Description("lecture, lasagne, pytorch or keras (default pytorch)")]
        public string Convention { get; init; } = "pytorch";
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string format = settings.Format.ToLowerInvariant();
        if (format is not ("table" or "json")) throw new UsageException("--format", $"unknown format '{settings.Format}'; valid: table, json.");
        if (settings.Precision is not ("float" or "double")) throw new UsageException("--precision", $"unknown precision '{settings.Precision}'; valid: float, double.");
        if (settings.Params < 1 || settings.Params > int.MaxValue) throw new UsageException("--params", $"must be in 1..{int.MaxValue}, got {settings.Params}.");
        if (settings.Threads is < 1) throw new UsageException("--threads", $"must be at least 1, got {settings.Threads}.");
        var convention = Options.Convention(settings.Convention);
        RulesFile.Load(settings.Rules);
        var specs = settings.Optimizers.Length > 0 ? settings.Optimizers : BenchConfig.DefaultOptimizersFor(convention);
        foreach (string spec in specs) Options.Optimizer(spec, convention);
        var config = new BenchConfig(specs, settings.Params, settings.Precision, settings.Threads ?? Environment.ProcessorCount) { Convention = convention };
        var rows = Terminal.WithProgress("bench", progress => BenchExperiment.Run(config, progress));
        if (format == "json")
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        var table = new Table().AddColumns("optimizer", "params", "precision", "threads", "ns/param", "GB/s", "bytes/param", "copy bound GB/s", "of bound");
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Optimizer), r.Params.ToString("N0", CultureInfo.InvariantCulture), r.Precision, r.Threads.ToString(CultureInfo.InvariantCulture),
                r.NsPerParam.ToString("F3", CultureInfo.InvariantCulture), r.GBytesPerS.ToString("F1", CultureInfo.InvariantCulture),
                r.BytesPerParam.ToString(CultureInfo.InvariantCulture), r.BoundGBytesPerS.ToString("F1", CultureInfo.InvariantCulture),
                r.FractionOfBound.ToString("P0", CultureInfo.InvariantCulture));
        Terminal.Out.Write(table);
        return 0;
    }
}
