namespace Descent.Training;

/// <summary>
/// One optimizer step: the mean loss of its batch at the weights before the step, the epoch it belongs to
/// (from 1), the step's number (from 1) and the wall seconds since the run started, after the step.
/// </summary>
public readonly record struct IterationRecord(int Epoch, int Iteration, double TrainLoss, double Seconds);
