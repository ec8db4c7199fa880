using Descent.Lab.Render.Charts;
using Descent.Lab.Response;

namespace Descent.Lab.Render.Response;

/// <summary>
/// The lecture's gradient-response figure: the signal fed as gradient (dashed grey) and one curve per
/// optimizer of the update it made at each step. A diverged curve is drawn up to its last finite value.
/// </summary>
public static class ResponseChart
{
    /// <summary>The chart for <paramref name="result"/>; <paramref name="title"/> overrides the default title.</summary>
    public static LineChart From(ResponseResult result, string? title = null)
    {
        double[] steps = [.. Enumerable.Range(1, result.Steps).Select(i => (double)i)];
        var series = new List<LineSeries> { new("signal (gradient)", steps, result.Signal.Take(result.Steps).ToArray(), Reference: true) };
        foreach (var curve in result.Curves)
        {
            int finite = curve.DivergedAtStep is int d ? d - 1 : curve.Updates.Count;
            string label = curve.Diverged ? $"{curve.Optimizer} (diverged at step {curve.DivergedAtStep})" : curve.Optimizer;
            series.Add(new LineSeries(label, steps[..finite], curve.Updates.Take(finite).ToArray()));
        }
        string signalName = Path.GetFileNameWithoutExtension(result.Config.Signal);
        return new LineChart(
            title ?? $"Gradient response to '{signalName}' ({Descent.Specs.OptimizerCatalog.Name(result.Config.Convention)} convention)",
            "step", "update  p(t-1) - p(t)", series);
    }
}
