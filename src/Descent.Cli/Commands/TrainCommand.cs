using System.ComponentModel;
using System.Globalization;
using Descent.Cli.Infrastructure;
using Descent.Lab;
using Descent.Lab.IO;
using Descent.Lab.Recipes;
using Descent.Lab.Render.Training;
using Descent.Lab.Training;
using Descent.Training;
using Descent.Training.Networks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent train</c>: train a model on real data with each optimizer in a fair race (same initial weights,
/// same batches) and record the learning histories; or run a whole recipe with <c>--recipe NAME --out DIR</c>.
/// </summary>
public sealed class TrainCommand : Command<TrainCommand.Settings>
{
    /// <summary>Options of <c>descent train</c> (the CLI contract).</summary>
    public sealed class Settings : ExperimentSettings
    {
        /// <summary>A bundled dataset or a directory of IDX files.</summary>
        [CommandOption("--dataset <NAME|DIR>")]
        [Description("digits, mnist, or a directory holding MNIST-format IDX files (raw or .gz)")]
        public string? Dataset { get; init; }

        /// <summary>The model.</summary>
        [CommandOption("--model <M>")]
        [Description("logreg, mlp or cnn")]
        public string? Model { get; init; }

        /// <summary>Hidden sizes of the MLP.</summary>
        [CommandOption("--hidden <SIZES>")]
        [Description("hidden layer widths of mlp, e.g. 1000,1000 (default 256,256)")]
        public string? Hidden { get; init; }

        /// <summary>Epochs.</summary>
        [CommandOption("--epochs <N>")]
        [Description("passes over the training data (default 10; with --recipe, replaces every figure's)")]
        [ValidRange(1, int.MaxValue)]
        public int? Epochs { get; init; }

        /// <summary>Batch size.</summary>
        [CommandOption("--batch-size <N>")]
        [Description("samples per step (default 128)")]
        [ValidRange(1, int.MaxValue)]
        public int? BatchSize { get; init; }

        /// <summary>Seed.</summary>
        [CommandOption("--seed <N>")]
        [Description("seeds the initial weights and the batch order, the same for every optimizer (default 1; with --recipe, replaces every figure's)")]
        public string? Seed { get; init; }

    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string format = settings.DataFormat();
        if (settings.Png is not null) Files.CheckFigurePath("--png", settings.Png);
        ulong? seed = ParseSeed(settings.Seed);
        if (settings.Recipe is not null) return RunRecipe(settings, seed);

        var convention = Options.Convention(settings.Convention);
        var config = new TrainingConfig
        {
            Dataset = settings.Dataset ?? throw new UsageException("--dataset", $"required; valid: {string.Join(", ", Descent.Training.Datasets.DatasetCatalog.Names)}, or a directory of IDX files."),
            Model = settings.Model ?? throw new UsageException("--model", $"required; valid: {string.Join(", ", ModelCatalog.Names)}."),
            Hidden = ParseHidden(settings.Hidden),
            Optimizers = settings.RequiredOptimizers("adam(lr=0.001)"),
            Convention = convention,
        };
        config = config with
        {
            Epochs = settings.Epochs ?? config.Epochs,
            BatchSize = settings.BatchSize ?? config.BatchSize,
            Seed = seed ?? config.Seed,
        };
        TrainingExperiment.Validate(config);
        string? dir = settings.Out is null ? null : Files.OutputDirectory(settings.Out);
        var result = RunWithBars(config, cancellationToken);
        if (dir is not null)
        {
            TrainingOutputs.WriteData(result, dir, "training");
            TrainingOutputs.WriteFigure(result, Path.Combine(dir, "training.png"));
        }
        if (settings.Png is not null) TrainingOutputs.WriteFigure(result, settings.Png);
        if (dir is null && (settings.Png is null || settings.Format is not null))
        {
            if (format == "json") Console.Out.WriteLine(LabJson.Serialize(result));
            else TrainingCsv.Write(result, Console.Out);
        }
        foreach (var h in result.Histories)
            Terminal.Note(h.Diverged
                ? $"{h.Optimizer}: diverged at iteration {h.DivergedAtIteration}"
                : string.Create(CultureInfo.InvariantCulture, $"{h.Optimizer}: test accuracy {100 * h.FinalTestAccuracy:F2}%, test loss {h.FinalTestLoss:G4}, {h.SecondsPerEpoch:F3} s per epoch"));
        return 0;
    }

    private static IReadOnlyList<int>? ParseHidden(string? text)
    {
        if (text is null) return null;
        try
        {
            return ModelSpec.ParseHidden(text);
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--hidden", e.Message.Split(" (Parameter")[0]);
        }
    }

    private static ulong? ParseSeed(string? text)
    {
        if (text is null) return null;
        if (!ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
            throw new UsageException("--seed", $"must be a whole number from 0 to {ulong.MaxValue}, got '{text}'.");
        return seed;
    }

    /// <summary>One progress bar per optimizer on standard error (none when it is redirected).</summary>
    private static TrainingResult RunWithBars(TrainingConfig config, CancellationToken cancellationToken)
    {
        if (Console.IsErrorRedirected) return TrainingExperiment.Run(config, null, cancellationToken);
        TrainingResult result = null!;
        Terminal.Err.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var tasks = config.Optimizers.Select(o => ctx.AddTask(Markup.Escape(Terminal.Escape(o)), maxValue: 1.0)).ToArray();
                result = TrainingExperiment.Run(config, new Bars(tasks), cancellationToken);
                foreach (var task in tasks) task.Value = 1;
            });
        return result;
    }

    private sealed class Bars(ProgressTask[] tasks) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress p)
        {
            if (p.Run >= 0 && p.Run < tasks.Length && p.TotalIterations > 0)
                tasks[p.Run].Value = (double)p.Iteration / p.TotalIterations;
        }
    }

    private static int RunRecipe(Settings settings, ulong? seed)
    {
        var recipe = settings.FindRecipe<TrainingRecipe>();
        foreach (var (option, given) in new[] { ("--dataset", settings.Dataset), ("--model", settings.Model), ("--hidden", settings.Hidden) })
            if (given is not null) throw new UsageException(option, $"cannot be combined with --recipe {recipe.Name}, whose figures set it.");
        if (settings.Optimizers.Length > 0) throw new UsageException("--optimizer", $"cannot be combined with --recipe {recipe.Name}, whose figures set it.");
        if (settings.BatchSize is not null) throw new UsageException("--batch-size", $"cannot be combined with --recipe {recipe.Name}, whose figures set it.");
        if (settings.Png is not null) throw new UsageException("--png", $"cannot be combined with --recipe {recipe.Name}, which writes each figure into --out DIR.");
        if (settings.Epochs is < 1) throw new UsageException("--epochs", $"Epochs must be at least 1, got {settings.Epochs}.");
        string dir = settings.RecipeFolder(recipe);
        recipe = recipe.With(settings.Epochs, seed);
        var results = Terminal.WithProgress($"train --recipe {recipe.Name}", progress =>
            RecipeRunner.RunRecipe(recipe, (figure, result) => TrainingOutputs.WriteFigure(figure, result, dir), progress));
        Terminal.Note($"wrote {recipe.Count} figures with their data to {dir}");
        for (int i = 0; i < results.Count; i++)
            foreach (var h in results[i].Histories)
                Terminal.Note(h.Diverged
                    ? $"{recipe.Figures[i].Name}: {h.Optimizer}: diverged at iteration {h.DivergedAtIteration}"
                    : string.Create(CultureInfo.InvariantCulture, $"{recipe.Figures[i].Name}: {h.Optimizer}: test accuracy {100 * h.FinalTestAccuracy:F2}%, {h.Seconds:F1} s"));
        return 0;
    }
}
