namespace Descent.Lab.Render.Charts;

/// <summary>What a line figure shows: curves, labels and axes. Built from a result; drawn by <see cref="LineChartRenderer"/>.</summary>
public sealed record LineChart(string Title, string XLabel, string YLabel, IReadOnlyList<LineSeries> Series)
{
    /// <summary>Draw the horizontal line y = 0.</summary>
    public bool ZeroLine { get; init; } = true;

    /// <summary>Logarithmic y axis (training losses).</summary>
    public bool LogY { get; init; }

    /// <summary>Dots at the data points (few points per curve, e.g. per-epoch accuracy).</summary>
    public bool Markers { get; init; }
}
