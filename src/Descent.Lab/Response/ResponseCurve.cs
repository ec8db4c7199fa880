using System.Text.Json.Serialization;

namespace Descent.Lab.Response;

/// <summary>
/// One optimizer's response to the signal: per step (index 0 is step 1) the gradient it was fed and
/// its update <c>p_{t−1} − p_t</c>.
/// </summary>
public sealed record ResponseCurve
{
    /// <summary>The spec exactly as given in the config (the legend and the CSV's <c>optimizer</c> column).</summary>
    public required string Optimizer { get; init; }

    /// <summary>The spec with every key of the convention and its value: what the run actually used.</summary>
    public required string Resolved { get; init; }

    /// <summary>
    /// The gradient fed at each step: the signal's sample for rules that take the gradient at the
    /// current point; for look-ahead rules, the mean of the values read at the look-ahead points
    /// (the single value for true Nesterov).
    /// </summary>
    public IReadOnlyList<double> Gradients { get; init => field = [.. value]; } = [];

    /// <summary>The update <c>p_{t−1} − p_t</c> at each step; NaN and infinities are kept.</summary>
    public IReadOnlyList<double> Updates { get; init => field = [.. value]; } = [];

    /// <summary>
    /// The learning rate of each step (index 0 is step 1), as the optimizer's schedule set it for parameter
    /// group 0; recorded when some optimizer of the run has a schedule, else null.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? LearningRates { get; init => field = value is null ? null : [.. value]; }

    /// <summary>The first step (from 1) whose update is not finite, or null when every update is; a figure draws the curve up to there.</summary>
    public int? DivergedAtStep { get; init; }

    /// <summary>True when some update is NaN or infinite.</summary>
    [JsonIgnore]
    public bool Diverged => DivergedAtStep is not null;
}
