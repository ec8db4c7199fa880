namespace Descent.Lab.Render.Charts;

/// <summary>One curve of a <see cref="LineChart"/>; <see cref="Reference"/> draws it thin and grey (e.g. the input signal).</summary>
public sealed record LineSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y, bool Reference = false);
