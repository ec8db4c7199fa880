namespace Descent.Web.Api;

/// <summary>
/// What one API request may ask for. The page is for looking, not for long runs: the CLI takes more
/// (up to <c>TrajectoryExperiment.MaxSteps</c> steps and <c>LabOptimizers.MaxCount</c> optimizers). The Lab's own
/// bounds on work (<c>LabOptimizers.CheckWork</c>, look-ahead points) apply to both.
/// </summary>
public sealed record ApiLimits
{
    /// <summary>Steps per path or curve.</summary>
    public int MaxSteps { get; init; } = 10_000;

    /// <summary>Optimizers per request.</summary>
    public int MaxOptimizers { get; init; } = 12;

    /// <summary>Characters of a typed formula.</summary>
    public int MaxFormulaLength { get; init; } = 1_000;

    /// <summary>The smallest landscape grid, points per side.</summary>
    public int MinGrid { get; init; } = 10;

    /// <summary>The largest landscape grid, points per side.</summary>
    public int MaxGrid { get; init; } = 300;

    /// <summary>
    /// The time one request may compute before it is stopped with a 400. The Lab checks it at every step and
    /// every look-ahead gradient, so a request answers within a few milliseconds of it; a client that leaves
    /// stops its computation the same way.
    /// </summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The computations running now under these limits (one server's): not a limit, the count the budget keeps down.</summary>
    public ApiWorkload Workload { get; init; } = new();
}
