using System.ComponentModel;
using System.Globalization;
using Descent.Cli.Infrastructure;
using Descent.Functions;
using Descent.Lab.IO;
using Descent.Lab.Recipes;
using Descent.Lab.Render.Landscape;
using Descent.Lab.Render.Trajectory;
using Descent.Lab.Trajectory;
using Spectre.Console.Cli;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent trajectory</c>: optimizer paths on a 2-D function (a landscape, a classic test function
/// or a typed formula), as data, a contour picture, an animated GIF or an MP4; or a whole recipe.
/// </summary>
public sealed class TrajectoryCommand : Command<TrajectoryCommand.Settings>
{
    /// <summary>Options of <c>descent trajectory</c> (the CLI contract).</summary>
    public sealed class Settings : ExperimentSettings
    {
        /// <summary>A built-in function or a formula in x and y.</summary>
        [CommandOption("--function <NAME|FORMULA>")]
        [Description("a landscape (hills-and-canyon…), a classic function (rosenbrock…) or a formula in x and y, e.g. \"x^2 + 3*sin(y)\"")]
        public string? Function { get; init; }

        /// <summary>Start point.</summary>
        [CommandOption("--start <X,Y>")]
        [Description("start point (default: the function's own, (-2.8,-2.5) for the lecture's landscapes)")]
        public string? Start { get; init; }

        /// <summary>Steps.</summary>
        [CommandOption("--steps <N>")]
        [Description("steps (default 125)")]
        [ValidRange(1, TrajectoryExperiment.MaxSteps)]
        public int? Steps { get; init; }

        /// <summary>GIF file.</summary>
        [CommandOption("--gif <FILE>")]
        [Description("write the animation as an animated GIF")]
        public string? Gif { get; init; }

        /// <summary>MP4 file.</summary>
        [CommandOption("--mp4 <FILE>")]
        [Description("write the animation as MP4 (needs ffmpeg on PATH)")]
        public string? Mp4 { get; init; }

        /// <summary>Frame thinning.</summary>
        [CommandOption("--frame-every <K>")]
        [Description("one animation frame every K steps (default 1)")]
        [ValidRange(1, int.MaxValue)]
        public int FrameEvery { get; init; } = 1;

        /// <summary>Frames per second.</summary>
        [CommandOption("--fps <N>")]
        [Description("animation frames per second (default 5, as the lecture)")]
        [ValidRange(1, 60)]
        public int Fps { get; init; } = 5;

        /// <summary>Heatmap under the contours.</summary>
        [CommandOption("--heatmap")]
        [Description("draw the function's values as a heatmap under the contour lines")]
        public bool Heatmap { get; init; }

    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string format = settings.DataFormat();
        if (settings.FrameEvery < 1) throw new UsageException("--frame-every", $"must be at least 1, got {settings.FrameEvery}.");
        if ((settings.Gif ?? settings.Mp4 ?? settings.Out) is not null && settings.Steps is int steps
            && LandscapeAnimation.FrameCount(steps, settings.FrameEvery) is var frames and > LandscapeAnimation.MaxFrames)
            throw new UsageException("--frame-every", $"{steps} steps at every {LandscapeAnimation.Ordinal(settings.FrameEvery)} step give {frames} frames, " +
                $"above the limit {LandscapeAnimation.MaxFrames}; raise --frame-every to {LandscapeAnimation.MinimumFrameEvery(steps)}.");
        if (settings.Fps is < 1 or > 60) throw new UsageException("--fps", $"must be in 1..60, got {settings.Fps}.");
        if (settings.Png is not null) Files.CheckFigurePath("--png", settings.Png);
        if (settings.Gif is not null) Files.CheckExtension("--gif", settings.Gif, ".gif");
        if (settings.Mp4 is not null)
        {
            Files.CheckExtension("--mp4", settings.Mp4, ".mp4");
            try
            {
                LandscapeAnimation.RequireFfmpeg();
            }
            catch (MissingProgramException e)
            {
                throw new UsageException("--mp4", e.Message);
            }
        }
        if (settings.Recipe is not null) return RunRecipe(settings);

        var config = new TrajectoryConfig
        {
            Function = settings.Function ?? throw new UsageException("--function", "required: a landscape or classic function name (see 'descent list functions') or a formula in x and y."),
            Optimizers = settings.RequiredOptimizers("adam(lr=0.25)"),
            Convention = Options.Convention(settings.Convention),
            Start = settings.Start is null ? null : ParseStart(settings.Start),
            Steps = settings.Steps,
        };
        TrajectoryExperiment.Validate(config);
        string? dir = settings.Out is null ? null : Files.OutputDirectory(settings.Out);
        var result = Terminal.WithProgress("trajectory", progress => TrajectoryExperiment.Run(config, new Progress<Lab.LabProgress>(p => progress(p.Fraction))));
        var scene = TrajectoryOutputs.Scene(result, heatmap: settings.Heatmap);
        var animation = new LandscapeAnimationOptions { FrameEvery = settings.FrameEvery, FramesPerSecond = settings.Fps };
        if (dir is not null)
        {
            TrajectoryOutputs.WriteData(result, dir, "trajectory");
            LandscapeFigure.Save(scene, Path.Combine(dir, "trajectory.png"));
            LandscapeAnimation.SaveGif(scene, Path.Combine(dir, "trajectory.gif"), animation);
        }
        if (settings.Png is not null) LandscapeFigure.Save(scene, settings.Png);
        if (settings.Gif is not null) LandscapeAnimation.SaveGif(scene, settings.Gif, animation);
        if (settings.Mp4 is not null) LandscapeAnimation.SaveMp4(scene, settings.Mp4, animation);
        foreach (var path in result.Paths) Terminal.Note(path.Summary.ToString());
        bool figures = settings.Png is not null || settings.Gif is not null || settings.Mp4 is not null;
        if (dir is null && (!figures || settings.Format is not null))
        {
            if (format == "json") Console.Out.WriteLine(LabJson.Serialize(result));
            else TrajectoryCsv.Write(result, Console.Out);
        }
        return 0;
    }

    private static Descent.Functions.Point2 ParseStart(string text)
    {
        var parts = text.Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double y)
            && double.IsFinite(x) && double.IsFinite(y))
            return new Descent.Functions.Point2(x, y);
        throw new UsageException("--start", $"'{Terminal.Shorten(text)}' is not a point; valid: two finite numbers x,y (e.g. --start -2.8,-2.5).");
    }

    private static int RunRecipe(Settings settings)
    {
        var recipe = settings.FindRecipe<TrajectoryRecipe>();
        string dir = settings.RecipeFolder(recipe);
        Terminal.WithProgress($"trajectory --recipe {recipe.Name}", progress =>
        {
            RecipeRunner.RunRecipe(recipe, (figure, result) => TrajectoryOutputs.WriteFigure(figure, result, dir, animate: true), progress);
            return 0;
        });
        Terminal.Note($"wrote {recipe.Count} figures with animations and data to {dir}");
        return 0;
    }
}
