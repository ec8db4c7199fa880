namespace Descent.Lab.Response;

/// <summary>
/// The outcome of a <see cref="ResponseConfig"/>: everything a figure or a CSV needs, with the config
/// and the tool version that produced it, so that it can be redrawn without recomputing.
/// Written and read with <see cref="IO.LabJson"/>; exported with <see cref="ResponseCsv"/>.
/// </summary>
public sealed record ResponseResult
{
    /// <summary>The config as given (spec texts untouched, <see cref="ResponseConfig.Steps"/> possibly null).</summary>
    public required ResponseConfig Config { get; init; }

    /// <summary>The version of Descent that computed it (<see cref="Lab.ToolVersion.Current"/>).</summary>
    public required string ToolVersion { get; init; }

    /// <summary>The number of steps run (the config's, or the signal's length).</summary>
    public required int Steps { get; init; }

    /// <summary>Every sample of the signal (not cut to <see cref="Steps"/>: look-ahead rules read beyond the last step).</summary>
    public IReadOnlyList<double> Signal { get; init => field = [.. value]; } = [];

    /// <summary>One curve per optimizer, in the config's order.</summary>
    public IReadOnlyList<ResponseCurve> Curves { get; init => field = [.. value]; } = [];
}
