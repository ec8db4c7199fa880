namespace Descent.Training;

/// <summary>
/// The learning history of one optimizer: the training loss of every step (index i = iteration i+1, the
/// mean loss of that step's batch at the weights before the step), the test metrics per epoch, and whether
/// the run diverged (a non-finite loss stopped it; the non-finite value is not recorded).
/// </summary>
public sealed record TrainingRun(
    string Optimizer,
    OptimizerOptions Options,
    IReadOnlyList<double> TrainLoss,
    IReadOnlyList<EpochRecord> Epochs,
    bool Diverged,
    int? DivergedAtIteration,
    double Seconds)
{
    /// <summary>The last epoch's test accuracy (NaN if none was recorded).</summary>
    public double FinalTestAccuracy => Epochs.Count > 0 ? Epochs[^1].TestAccuracy : double.NaN;

    /// <summary>The last epoch's test loss (NaN if none was recorded).</summary>
    public double FinalTestLoss => Epochs.Count > 0 ? Epochs[^1].TestLoss : double.NaN;
}
