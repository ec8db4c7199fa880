using System.Text.Json.Serialization;

namespace Descent.Training;

/// <summary>
/// The learning history of one optimizer: every step (<see cref="Iterations"/>, index i = iteration i+1), the
/// test metrics per epoch (epoch 0 = initial weights), and whether the run diverged (a non-finite loss
/// stopped it at <see cref="DivergedAtIteration"/>; the non-finite value is not recorded).
/// </summary>
/// <param name="Optimizer">The label given (the spec as the user typed it).</param>
/// <param name="Options">The resolved options the run used.</param>
/// <param name="Iterations">One record per optimizer step: index i is iteration i+1.</param>
/// <param name="Epochs">Test metrics after each epoch; epoch 0 is the initial weights.</param>
/// <param name="Diverged">True when a non-finite loss stopped the run.</param>
/// <param name="DivergedAtIteration">The iteration whose loss was not finite; null when the run did not diverge.</param>
/// <param name="Seconds">Wall seconds of the whole run, evaluations included.</param>
public sealed record TrainingRun(
    string Optimizer,
    OptimizerOptions Options,
    IReadOnlyList<IterationRecord> Iterations,
    IReadOnlyList<EpochRecord> Epochs,
    bool Diverged,
    int? DivergedAtIteration,
    double Seconds)
{
    /// <summary>
    /// The learning rate of parameter group 0 at every step (index i = iteration i+1), as the optimizer's
    /// schedule set it before the step; the options' learning rate at every step when there is no schedule.
    /// </summary>
    public IReadOnlyList<double> LearningRates { get; init; } = [];

    /// <summary>The training loss of every step, in order.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> TrainLoss => [.. Iterations.Select(i => i.TrainLoss)];

    /// <summary>The last epoch's test accuracy (NaN if none was recorded).</summary>
    [JsonIgnore]
    public double FinalTestAccuracy => Epochs.Count > 0 ? Epochs[^1].TestAccuracy : double.NaN;

    /// <summary>The last epoch's test loss (NaN if none was recorded).</summary>
    [JsonIgnore]
    public double FinalTestLoss => Epochs.Count > 0 ? Epochs[^1].TestLoss : double.NaN;
}
