using System.ComponentModel;
using Descent.Cli.Infrastructure;
using Descent.Lab.Recipes;
using Descent.Lab.Render.Gallery;
using Spectre.Console.Cli;

namespace Descent.Cli.Commands;

/// <summary><c>descent report [--out DIR]</c>: every recipe into a gallery with an <c>index.html</c> that works offline.</summary>
public sealed class ReportCommand : Command<ReportCommand.Settings>
{
    /// <summary>Options of <c>descent report</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Gallery folder.</summary>
        [CommandOption("--out <DIR>")]
        [Description("gallery folder (default: gallery)")]
        public string Out { get; init; } = "gallery";
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string dir = Files.OutputDirectory(settings.Out);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcome = Terminal.WithProgress("report", progress => GalleryReport.Write(dir, RecipeRunner.Instance, (label, f) => progress(f)));
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        Terminal.Note(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"wrote {outcome.Figures} figures ({outcome.FromCache} unchanged, from the cache) in {clock.Elapsed.TotalSeconds:F1} s, peak memory {self.PeakWorkingSet64 / (1024 * 1024)} MB — open {outcome.Index}"));
        return 0;
    }
}
