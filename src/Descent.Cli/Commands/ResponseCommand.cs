using System.ComponentModel;
using Descent.Cli.Infrastructure;
using Descent.Lab.IO;
using Descent.Lab.Recipes;
using Descent.Lab.Render.Files;
using Descent.Lab.Render.Response;
using Descent.Lab.Response;
using Spectre.Console.Cli;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent response</c>: feed a gradient signal to optimizers and record each update, as in the
/// lecture's gradient-response figures; or run a whole recipe with <c>--recipe NAME --out DIR</c>.
/// </summary>
public sealed class ResponseCommand : Command<ResponseCommand.Settings>
{
    /// <summary>Options of <c>descent response</c> (the CLI contract).</summary>
    public sealed class Settings : ExperimentSettings
    {
        /// <summary>A built-in signal or a one-column CSV file.</summary>
        [CommandOption("--signal <NAME|FILE>")]
        [Description("spikes, rectangles, noisy-sin, very-noisy-sin, uneven-sawtooth, saturation, or a one-column .csv file")]
        public string? Signal { get; init; }

        /// <summary>Steps.</summary>
        [CommandOption("--steps <N>")]
        [Description("steps (default: the signal's length)")]
        [ValidRange(1, int.MaxValue, Text = "whole numbers 1 to the signal's length")]
        public int? Steps { get; init; }

        /// <summary>Interpolation of look-ahead reads.</summary>
        [CommandOption("--interpolation <I>")]
        [Description("linear (default) or lecture (the lecture's quirk, to reproduce its figures)")]
        public string Interpolation { get; init; } = "linear";

    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string format = settings.DataFormat();
        if (settings.Png is not null) Files.CheckFigurePath("--png", settings.Png);
        if (settings.Recipe is not null) return RunRecipe(settings);

        var config = new ResponseConfig
        {
            Signal = settings.Signal ?? throw new UsageException("--signal", $"required; valid: {string.Join(", ", Lab.Signals.SignalCatalog.Names)}, or a one-column .csv file."),
            Optimizers = settings.RequiredOptimizers("adam(lr=0.25)"),
            Convention = Options.Convention(settings.Convention),
            Steps = settings.Steps,
            Interpolation = Options.Interpolation(settings.Interpolation),
        };
        ResponseExperiment.Validate(config);
        string? dir = settings.Out is null ? null : Files.OutputDirectory(settings.Out);
        var result = ResponseExperiment.Run(config);
        if (dir is not null)
        {
            ResponseOutputs.WriteData(result, dir, "response");
            ResponseOutputs.WriteFigure(result, Path.Combine(dir, "response.png"));
        }
        if (settings.Png is not null) ResponseOutputs.WriteFigure(result, settings.Png);
        // As trajectories do: a curve whose updates left the finite numbers is reported, not only drawn cut short.
        foreach (var curve in result.Curves)
            if (curve.DivergedAtStep is int step)
                Terminal.Note($"{curve.Optimizer}: diverged at step {step}; its updates are not finite from there on");
        if (dir is null && (settings.Png is null || settings.Format is not null))
        {
            if (format == "json") Console.Out.WriteLine(LabJson.Serialize(result));
            else ResponseCsv.Write(result, Console.Out);
        }
        return 0;
    }

    private static int RunRecipe(Settings settings)
    {
        var recipe = settings.FindRecipe<ResponseRecipe>();
        string dir = settings.RecipeFolder(recipe);
        var results = Terminal.WithProgress($"response --recipe {recipe.Name}", progress =>
            RecipeRunner.RunRecipe(recipe, (figure, result) => ResponseOutputs.WriteFigure(figure, result, dir), progress));
        Terminal.Note($"wrote {recipe.Count} figures with their data to {dir}");
        for (int i = 0; i < results.Count; i++)
            foreach (var curve in results[i].Curves)
                if (curve.DivergedAtStep is int step)
                    Terminal.Note($"{recipe.Figures[i].Name}: {curve.Optimizer}: diverged at step {step}; its updates are not finite from there on");
        return 0;
    }
}
