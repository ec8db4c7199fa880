using System.ComponentModel;
using System.Globalization;
using Descent.Cli.Infrastructure;
using Descent.Lab;
using Descent.Lab.IO;
using Descent.Lab.Render.Sweep;
using Descent.Lab.Sweep;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent sweep</c>: every cell of the optimizers' grids (<c>adam(lr=[1e-4..1:17log])</c>) on a landscape from several
/// starts, or trained with several seeds; rows of final loss, best loss, steps to the target and divergence, a summary
/// per optimizer, on all cores, cached per cell under <c>--out</c>, split over machines with <c>--shard</c>.
/// </summary>
public sealed class SweepCommand : Command<SweepCommand.Settings>
{
    /// <summary>Options of <c>descent sweep</c> (the CLI contract).</summary>
    public sealed class Settings : ExperimentSettings
    {
        /// <summary>A built-in function or a formula in x and y.</summary>
        [CommandOption("--function <NAME|FORMULA>")]
        [Description("a landscape sweep: a landscape, a classic function or a formula in x and y")]
        public string? Function { get; init; }

        /// <summary>A bundled dataset or a directory of IDX files.</summary>
        [CommandOption("--dataset <NAME|DIR>")]
        [Description("a training sweep: digits, mnist, or a directory of IDX files (with --model)")]
        public string? Dataset { get; init; }

        /// <summary>The model.</summary>
        [CommandOption("--model <M>")]
        [Description("logreg, mlp or cnn (training sweeps)")]
        public string? Model { get; init; }

        /// <summary>Steps.</summary>
        [CommandOption("--steps <N>")]
        [Description("steps per landscape run (default 125)")]
        [ValidRange(1, Lab.Trajectory.TrajectoryExperiment.MaxSteps)]
        public int? Steps { get; init; }

        /// <summary>Epochs.</summary>
        [CommandOption("--epochs <N>")]
        [Description("epochs per training run (default 1)")]
        [ValidRange(1, 1000)]
        public int? Epochs { get; init; }

        /// <summary>Batch size.</summary>
        [CommandOption("--batch-size <N>")]
        [Description("samples per training step (default 128)")]
        [ValidRange(1, 1_000_000)]
        public int? BatchSize { get; init; }

        /// <summary>Hidden sizes of the MLP.</summary>
        [CommandOption("--hidden <SIZES>")]
        [Description("hidden layer widths of mlp, e.g. 100 (default 256,256)")]
        public string? Hidden { get; init; }

        /// <summary>Starts.</summary>
        [CommandOption("--starts <K>")]
        [Description("starts per cell on a landscape: the function's own and K-1 uniform draws in its domain (default 1)")]
        [ValidRange(1, SweepExperiment.MaxStarts)]
        public int? Starts { get; init; }

        /// <summary>Seeds.</summary>
        [CommandOption("--seeds <K>")]
        [Description("seeds per cell in training: 1..K, each seeding the weights and the batch order (default 1)")]
        [ValidRange(1, SweepExperiment.MaxSeeds)]
        public int? Seeds { get; init; }

        /// <summary>Target loss.</summary>
        [CommandOption("--target <LOSS>")]
        [Description("a run succeeds when its loss reaches LOSS (steps_to_target)")]
        public string? Target { get; init; }

        /// <summary>The shard.</summary>
        [CommandOption("--shard <I/N>")]
        [Description("run only the rows whose index is I mod N and write OUT/sweep.shard-I-of-N.json; auto/N takes I from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID")]
        public string? Shard { get; init; }

        /// <summary>Threads.</summary>
        [CommandOption("--threads <N>")]
        [Description("threads (default: every core); the results do not depend on it")]
        [ValidRange(1, 1024)]
        public int? Threads { get; init; }

        /// <summary>The action word: <c>merge</c>.</summary>
        [CommandArgument(0, "[merge]")]
        [Description("merge: combine the shards in the folders that follow into --out")]
        public string? Action { get; init; }

        /// <summary>The folders to merge.</summary>
        [CommandArgument(1, "[DIR]")]
        [Description("the folders the shards wrote (with merge)")]
        public string[] Folders { get; init; } = [];
    }

    /// <summary>The environment variables <c>--shard auto/N</c> reads, in order.</summary>
    public static IReadOnlyList<string> ShardVariables { get; } = ["JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID"];

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string format = settings.DataFormat();
        if (settings.Action is not null)
        {
            if (settings.Action != "merge")
                throw new UsageException(Terminal.Shorten(settings.Action, 40), "unexpected word; 'descent sweep' takes options, or 'merge DIR... --out DIR'.");
            return Merge(settings, format);
        }
        if (settings.Folders.Length > 0)
            throw new UsageException(Terminal.Shorten(settings.Folders[0], 40), "unexpected word; folders follow 'descent sweep merge'.");
        if (settings.Recipe is not null) throw new UsageException("--recipe", "sweep recipes run in the gallery (descent report); here give --function or --dataset.");
        if (settings.Png is not null) Files.CheckFigurePath("--png", settings.Png);
        var (shard, shards) = ParseShard(settings.Shard);
        if (shards > 1 && settings.Out is null) throw new UsageException("--out", "a shard writes its own result file and needs --out DIR (a folder the merge can read).");
        var config = new SweepConfig
        {
            Function = settings.Function,
            Dataset = settings.Dataset,
            Model = settings.Model,
            Hidden = ParseHidden(settings.Hidden),
            Optimizers = settings.RequiredOptimizers("adam(lr=[1e-3..1:7log])"),
            Convention = Options.Convention(settings.Convention),
            Steps = settings.Steps,
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            Starts = settings.Starts ?? 1,
            Seeds = settings.Seeds ?? 1,
            Target = ParseTarget(settings.Target),
        };
        if (config.Function is null && config.Dataset is null)
            throw new UsageException("--function", "required: a landscape sweep takes --function NAME|FORMULA, a training sweep --dataset NAME|DIR with --model.");
        var plan = SweepExperiment.Plan(config);
        string? dir = settings.Out is null ? null : Files.OutputDirectory(settings.Out);
        var run = new SweepRunOptions
        {
            Threads = settings.Threads,
            ShardIndex = shard,
            ShardCount = shards,
            Cache = dir is null ? null : new SweepCacheFolder(SweepOutputs.CacheFolder(dir)),
        };
        var result = Terminal.WithProgress("sweep", progress =>
            SweepExperiment.Run(plan, run, new Progress<LabProgress>(p => progress(p.Fraction)), cancellationToken));
        if (shards > 1)
        {
            string path = SweepOutputs.WriteShard(new SweepShard { Shard = shard, Shards = shards, Runs = plan.RunCount, Result = result }, dir!);
            Terminal.Note($"shard {shard}/{shards}: {result.Rows.Count} of {plan.RunCount} runs written to {path}");
            Terminal.Note(SpeedLine(result));
            return 0;
        }
        Emit(result, dir, settings, format);
        Terminal.Note(SpeedLine(result));
        return 0;
    }

    private static int Merge(Settings settings, string format)
    {
        if (settings.Out is null) throw new UsageException("--out", "descent sweep merge needs --out DIR for the merged sweep.");
        if (settings.Folders.Length == 0) throw new UsageException("merge", "give the folders the shards wrote to, e.g. descent sweep merge out/0 out/1 out/2 --out merged.");
        var files = SweepMerge.FindShardFiles(settings.Folders);
        var result = SweepMerge.MergeFiles(files);
        string dir = Files.OutputDirectory(settings.Out);
        Emit(result, dir, settings, format);
        Terminal.Note($"merged {files.Count} shard files: {result.Rows.Count} runs");
        return 0;
    }

    private static void Emit(SweepResult result, string? dir, Settings settings, string format)
    {
        if (dir is not null)
        {
            SweepOutputs.WriteData(result, dir);
            SweepOutputs.WriteFigure(result, Path.Combine(dir, "sweep.png"));
        }
        if (settings.Png is not null) SweepOutputs.WriteFigure(result, settings.Png);
        PrintSummary(result);
        if (dir is null && (settings.Png is null || settings.Format is not null))
        {
            if (format == "json") Console.Out.WriteLine(LabJson.Serialize(result));
            else SweepCsv.Write(result, Console.Out);
        }
    }

    /// <summary>The closing line: runs, steps, time, threads and the measured optimizer steps per second.</summary>
    public static string SpeedLine(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double rate = result.ComputeSeconds > 0 ? result.ComputedSteps / result.ComputeSeconds : 0;
        double perCpu = result.ComputeCpuSeconds > 0 ? result.ComputedSteps / result.ComputeCpuSeconds : 0;
        if (result.Config.Function is null)
            return string.Create(CultureInfo.InvariantCulture,
                $"sweep: {result.ComputedRuns:N0} training runs computed, {result.CachedRuns:N0} from the cache, in {result.ComputeSeconds:0.###} s on {result.Threads} threads");
        return string.Create(CultureInfo.InvariantCulture,
            $"sweep: {result.ComputedRuns:N0} runs computed, {result.CachedRuns:N0} from the cache; {result.ComputedSteps:N0} optimizer steps in {result.ComputeSeconds:0.###} s on {result.Threads} threads: {rate / 1e6:0.##} million steps/s ({perCpu / 1e6:0.##} million per processor-second)");
    }

    private static void PrintSummary(SweepResult result)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("optimizer").AddColumn("runs").AddColumn("best cell").AddColumn("median final loss")
            .AddColumn("reached target").AddColumn("good-lr band");
        foreach (var s in result.Summaries)
        {
            string reached = s.ReachedShare is double share ? string.Create(CultureInfo.InvariantCulture, $"{s.ReachedTarget}/{s.Runs} ({share:P0})") : "-";
            string band = s.GoodLrDecades is double d
                ? string.Create(CultureInfo.InvariantCulture, $"{d:0.##} decades ({s.GoodLrLow:G3}..{s.GoodLrHigh:G3})") : "-";
            table.AddRow(Markup.Escape(Terminal.Escape(s.Optimizer)), s.Runs.ToString(CultureInfo.InvariantCulture), Markup.Escape(Terminal.Escape(s.BestSpec)),
                s.BestMedianLoss.ToString("G6", CultureInfo.InvariantCulture), reached, band);
        }
        Terminal.Err.Write(table);
    }

    /// <summary>Reads <c>--shard I/N</c> or <c>auto/N</c> (I from <see cref="ShardVariables"/>, the first that is set, said on standard error).</summary>
    public static (int Index, int Count) ParseShard(string? text)
    {
        if (text is null) return (0, 1);
        var parts = text.Split('/');
        const string valid = "valid: I/N with 0 <= I < N <= 100000, or auto/N";
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1 || n > 100_000)
            throw new UsageException("--shard", $"'{Terminal.Shorten(text)}' is not a shard; {valid}.");
        string index = parts[0];
        if (index == "auto")
        {
            string? variable = ShardVariables.FirstOrDefault(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v)));
            if (variable is null)
                throw new UsageException("--shard", $"auto/{n} reads {string.Join(" or ", ShardVariables)}, and neither is set; give I/{n}.");
            index = Environment.GetEnvironmentVariable(variable)!;
            if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int fromEnv) || fromEnv >= n)
                throw new UsageException("--shard", $"{variable}={Terminal.Shorten(index)} is not a shard index of auto/{n}; valid: 0 to {n - 1}.");
            Terminal.Note($"shard {fromEnv}/{n} from {variable}");
            return (fromEnv, n);
        }
        if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int i) || i >= n)
            throw new UsageException("--shard", $"'{Terminal.Shorten(text)}' is not a shard; {valid}.");
        return (i, n);
    }

    private static int[]? ParseHidden(string? text)
    {
        if (text is null) return null;
        var parts = text.Split(',');
        var sizes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1)
                throw new UsageException("--hidden", $"'{Terminal.Shorten(text)}' is not a list of layer widths; valid: positive whole numbers joined by commas, e.g. 100 or 256,256.");
        return sizes;
    }

    private static double? ParseTarget(string? text)
    {
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)) return v;
        throw new UsageException("--target", $"'{Terminal.Shorten(text)}' is not a loss; valid: a finite number, e.g. --target 1.0.");
    }
}
