namespace Descent.Lab.Render.Charts;

/// <summary>
/// One optimizer's learning rate over its steps, as its run recorded it: <c>Rates[k]</c> is the rate of
/// step <c>k + 1</c>. Drawn in <c>Color</c>, the color of the optimizer's curve or path in the
/// figure above, so the panel needs no legend of its own.
/// </summary>
public sealed record LearningRateSeries(string Label, ScottPlot.Color Color, IReadOnlyList<double> Rates);
