using System.Diagnostics;
using Descent.Optimizers;
using Descent.Training.Datasets;
using Descent.Training.Networks;

namespace Descent.Training;

/// <summary>
/// Trains a <see cref="Network"/> with one optimizer, or races several fairly: every run re-initializes
/// the network from <see cref="TrainingOptions.Seed"/> (same starting weights, same dropout masks) and
/// draws its batch order from a stream of its own seeded by the same seed (same batches, same order).
/// Results are bit-identical for the same inputs on the same machine, whatever the thread count.
/// </summary>
public static class Trainer
{
    /// <summary>Separates the batch-order stream from the weight stream of the same seed.</summary>
    private const ulong BatchStream = 0xB47C_0DE5_5EED_0001UL;

    /// <summary>Runs every optimizer in turn on the same network, data, batches and starting weights.</summary>
    /// <param name="network">The network to train; its initial weights are drawn once from the seed and shared by every run.</param>
    /// <param name="data">The training and test sets.</param>
    /// <param name="optimizers">Each optimizer's label (the spec as typed, kept in results) and its options.</param>
    /// <param name="options">Epochs, batch size and seed, the same for every optimizer.</param>
    /// <param name="progress">Told after every step; null for none.</param>
    /// <param name="cancellationToken">Checked at every step.</param>
    public static IReadOnlyList<TrainingRun> Compare(Network network, Dataset data, IReadOnlyList<(string Label, OptimizerOptions Options)> optimizers,
        TrainingOptions options, Action<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(optimizers);
        var runs = new List<TrainingRun>(optimizers.Count);
        for (int i = 0; i < optimizers.Count; i++)
            runs.Add(Train(network, data, optimizers[i].Label, optimizers[i].Options, options, progress, cancellationToken, i));
        return runs;
    }

    /// <summary>
    /// Trains <paramref name="network"/> (re-initialized from the seed) with <paramref name="optimizer"/>.
    /// A non-finite training or test loss stops the run and marks it diverged; no exception is thrown.
    /// </summary>
    public static TrainingRun Train(Network network, Dataset data, string label, OptimizerOptions optimizer, TrainingOptions options,
        Action<TrainingProgress>? progress = null, CancellationToken cancellationToken = default, int run = 0)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(options));
        optimizer.EnsureValid();
        if (data.Train.SampleSize != network.InputShape.Size)
            throw new ArgumentException($"{data.Name} samples have {data.Train.SampleSize} values, {network.Name} takes {network.InputShape.Size}.", nameof(data));
        if (data.ClassCount > network.ClassCount)
            throw new ArgumentException($"{data.Name} has {data.ClassCount} classes, {network.Name} outputs {network.ClassCount}.", nameof(data));
        if (data.Train.Count == 0) throw new ArgumentException($"{data.Name} has no training samples.", nameof(data));
        long gradients = options.GradientEvaluations(data.Train.Count, optimizer.GradientsPerStep());
        if (gradients > TrainingOptions.MaxGradientEvaluations)
            throw new ArgumentException($"{options.Epochs} epochs of {options.BatchesPerEpoch(data.Train.Count)} batches take {gradients:N0} gradient evaluations; the limit is {TrainingOptions.MaxGradientEvaluations:N0}.", nameof(options));

        network.Initialize(options.Seed);
        // Muon steps matrices: the network's hidden weights, with AdamW beside it on the rest.
        Optimizer<float> opt = optimizer is MuonOptions muon ? MuonParameterGroups.Create(network, muon) : optimizer.Create<float>(network.ParameterCount);
        var order = new DeterministicRandom(options.Seed ^ BatchStream);

        int n = data.Train.Count, size = data.Train.SampleSize;
        // Both fit an int: the gradient evaluations, a multiple of them, are bounded above.
        int batchesPerEpoch = (int)options.BatchesPerEpoch(n);
        int total = batchesPerEpoch * options.Epochs;
        int batchCapacity = Math.Min(options.BatchSize, n);
        var images = new float[batchCapacity * size];
        var labels = new byte[batchCapacity];
        var indices = new int[n];
        var losses = new List<IterationRecord>(total);
        // What each step's group 0 ran at, read from the optimizer as its schedule set it.
        var rates = new List<double>(total);
        var epochs = new List<EpochRecord>(options.Epochs + 1);
        var clock = Stopwatch.StartNew();
        double trainSeconds = 0;
        int iteration = 0;

        // A rule with an evaluation point (Schedule-Free's x) is tested there, as a PyTorch loop calls optimizer.eval()
        // before evaluating and optimizer.train() after: the weights go to x for the test pass and back to y.
        float[]? trainPoint = opt.HasEvaluationPoint ? new float[network.ParameterCount] : null;

        bool Evaluate(int epoch)
        {
            if (trainPoint is not null)
            {
                network.Parameters.CopyTo(trainPoint);
                opt.EvaluationPoint(trainPoint, network.Parameters);
            }
            var (loss, accuracy) = network.Evaluate(data.Test, options.EvaluationBatchSize);
            trainPoint?.CopyTo(network.Parameters);
            // Schedules given per=epoch advance here, a plateau with the epoch's test loss.
            if (epoch > 0) opt.StepEpochSchedules(loss);
            epochs.Add(new EpochRecord(epoch, iteration, loss, accuracy, clock.Elapsed.TotalSeconds, trainSeconds));
            progress?.Invoke(new TrainingProgress(run, label, epoch, iteration, total, losses.Count > 0 ? losses[^1].TrainLoss : double.NaN));
            return data.Test.Count == 0 || double.IsFinite(loss);
        }

        bool diverged = !Evaluate(0);
        int? divergedAt = diverged ? 0 : null;
        for (int epoch = 1; epoch <= options.Epochs && !diverged; epoch++)
        {
            for (int i = 0; i < n; i++) indices[i] = i;
            order.Shuffle(indices.AsSpan());
            long start = Stopwatch.GetTimestamp();
            for (int b = 0; b < batchesPerEpoch; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int first = (int)Math.Min((long)b * options.BatchSize, n), count = Math.Min(options.BatchSize, n - first);
                for (int s = 0; s < count; s++)
                {
                    int j = indices[first + s];
                    data.Train.Images.AsSpan(j * size, size).CopyTo(images.AsSpan(s * size, size));
                    labels[s] = data.Train.Labels[j];
                }
                // L-BFGS evaluates the batch loss itself, first at the current weights: its step returns that loss.
                double loss = opt.NeedsLoss ? 0
                    : opt.NeedsOracle ? LookAheadLoss(network, images, labels, count)
                    : network.ComputeGradients(images.AsSpan(0, count * size), labels.AsSpan(0, count), count);
                iteration++;
                if (!double.IsFinite(loss))
                {
                    diverged = true;
                    divergedAt = iteration;
                    break;
                }
                rates.Add(opt.CurrentLearningRate(0) ?? optimizer.LearningRate);
                // The batch loss where this step's gradient is taken: what a plateau schedule reads.
                if (opt.NeedsLoss)
                {
                    loss = opt.Step(network.Parameters, Closure(network, images, labels, count, cancellationToken));
                    if (!double.IsFinite(loss))
                    {
                        diverged = true;
                        divergedAt = iteration;
                        break;
                    }
                }
                else if (opt.NeedsOracle) opt.Step(network.Parameters, Oracle(network, images, labels, count, cancellationToken), loss);
                else opt.Step(network.Parameters, network.Gradients, loss);
                losses.Add(new IterationRecord(epoch, iteration, loss, clock.Elapsed.TotalSeconds));
                progress?.Invoke(new TrainingProgress(run, label, epoch, iteration, total, loss));
            }
            trainSeconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (!diverged && !Evaluate(epoch))
            {
                diverged = true;
                divergedAt = iteration;
            }
        }
        return new TrainingRun(label, optimizer, losses, epochs, diverged, divergedAt, clock.Elapsed.TotalSeconds) { LearningRates = rates };
    }

    /// <summary>
    /// The batch loss at the current weights for look-ahead rules, which only ask for gradients elsewhere;
    /// computed by a forward pass without dropout.
    /// </summary>
    private static double LookAheadLoss(Network network, float[] images, byte[] labels, int count) =>
        SoftmaxCrossEntropy.Compute(network.Forward(images.AsSpan(0, count * network.InputShape.Size), count), labels, count, network.ClassCount, []);

    /// <summary>
    /// The closure of torch's <c>LBFGS.step(closure)</c> over one batch: the batch loss and its gradient at any point
    /// the rule asks for (its line search's too), the weights put back after each.
    /// </summary>
    private static LossOracle<float> Closure(Network network, float[] images, byte[] labels, int count, CancellationToken cancellationToken)
    {
        float[]? saved = null;
        return (point, gradient) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool here = point.Overlaps(network.Parameters);
            if (!here)
            {
                saved ??= new float[network.ParameterCount];
                network.Parameters.CopyTo(saved, 0);
                point.CopyTo(network.Parameters);
            }
            double loss = network.ComputeGradients(images.AsSpan(0, count * network.InputShape.Size), labels.AsSpan(0, count), count);
            network.Gradients.CopyTo(gradient);
            if (!here) saved!.CopyTo(network.Parameters, 0);
            return loss;
        };
    }

    /// <summary>The gradient of the batch loss at any point, for look-ahead rules (the lecture's Nesterov): the point is
    /// loaded into the network, the gradient taken, and the weights put back.</summary>
    private static GradientOracle<float> Oracle(Network network, float[] images, byte[] labels, int count, CancellationToken cancellationToken)
    {
        float[]? saved = null;
        return (point, gradient) =>
        {
            // A smoothed look-ahead step asks for up to SmoothedNesterovOptions.MaxPoints gradients: each is a place to stop.
            cancellationToken.ThrowIfCancellationRequested();
            bool here = point.Overlaps(network.Parameters);
            if (!here)
            {
                saved ??= new float[network.ParameterCount];
                network.Parameters.CopyTo(saved, 0);
                point.CopyTo(network.Parameters);
            }
            network.ComputeGradients(images.AsSpan(0, count * network.InputShape.Size), labels.AsSpan(0, count), count);
            network.Gradients.CopyTo(gradient);
            if (!here) saved!.CopyTo(network.Parameters, 0);
        };
    }
}
