using System.Text.Json.Serialization;
using Descent.Training;

namespace Descent.Lab.Training;

/// <summary>
/// One optimizer's learning history: the training loss of every step, the test loss and accuracy after every
/// epoch (epoch 0 = the initial weights), and where it diverged, if it did.
/// </summary>
public sealed record TrainingHistory
{
    /// <summary>The spec exactly as given in the config (the legend and the CSV's <c>optimizer</c> column).</summary>
    public required string Optimizer { get; init; }

    /// <summary>The spec with every key of the convention and its value: what the run actually used.</summary>
    public required string Resolved { get; init; }

    /// <summary>Every step in order: its epoch, number (from 1), batch loss before the step, and wall seconds since the run began.</summary>
    public IReadOnlyList<IterationRecord> Iterations { get; init => field = [.. value]; } = [];

    /// <summary>The test metrics after each epoch, from epoch 0 (before any step); accuracy is a fraction in [0, 1].</summary>
    public IReadOnlyList<EpochRecord> Epochs { get; init => field = [.. value]; } = [];

    /// <summary>
    /// The learning rate of every step (index i = iteration i+1), as the optimizer's schedule set it for
    /// parameter group 0; recorded when some optimizer of the run has a schedule, else null.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? LearningRates { get; init => field = value is null ? null : [.. value]; }

    /// <summary>The step whose loss was not finite (which stopped the run), or null; that loss is not recorded.</summary>
    public int? DivergedAtIteration { get; init; }

    /// <summary>Wall seconds of the whole run, evaluations included.</summary>
    public double Seconds { get; init; }

    /// <summary>True when a non-finite loss stopped the run.</summary>
    [JsonIgnore]
    public bool Diverged => DivergedAtIteration is not null;

    /// <summary>The last recorded test accuracy (NaN if none).</summary>
    [JsonIgnore]
    public double FinalTestAccuracy => Epochs.Count > 0 ? Epochs[^1].TestAccuracy : double.NaN;

    /// <summary>The last recorded test loss (NaN if none).</summary>
    [JsonIgnore]
    public double FinalTestLoss => Epochs.Count > 0 ? Epochs[^1].TestLoss : double.NaN;

    /// <summary>Wall seconds per epoch spent in training steps (evaluations excluded), averaged over the epochs run; NaN if none.</summary>
    [JsonIgnore]
    public double SecondsPerEpoch => Epochs.Count > 1 ? Epochs[^1].TrainSeconds / (Epochs.Count - 1) : double.NaN;
}
