namespace Descent.Training;

/// <summary>Where a run stands, reported after every step and every evaluation (e.g. to draw a progress bar).</summary>
/// <param name="Run">Index of the run in a comparison (0 for a single run).</param>
/// <param name="Optimizer">The optimizer's label (the spec as typed).</param>
/// <param name="Epoch">The epoch in progress, from 1; 0 while evaluating the initial weights.</param>
/// <param name="Iteration">Steps taken so far.</param>
/// <param name="TotalIterations">Steps the run takes if it does not diverge.</param>
/// <param name="TrainLoss">The loss of the latest batch (NaN before the first step).</param>
public readonly record struct TrainingProgress(int Run, string Optimizer, int Epoch, int Iteration, int TotalIterations, double TrainLoss);
