namespace Descent.Training;

/// <summary>
/// The test metrics after <see cref="Epoch"/> epochs (epoch 0 = the initial weights, before any step),
/// when <see cref="Iteration"/> steps had been taken and <see cref="Seconds"/> of wall time had passed
/// since the run started (training and evaluation); <see cref="TrainSeconds"/> counts the steps only.
/// </summary>
public sealed record EpochRecord(int Epoch, int Iteration, double TestLoss, double TestAccuracy, double Seconds, double TrainSeconds);
