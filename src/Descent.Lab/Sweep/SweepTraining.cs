using Descent.Lab.Training;
using Descent.Specs;
using Descent.Training;
using Descent.Training.Datasets;
using Descent.Training.Networks;

namespace Descent.Lab.Sweep;

/// <summary>
/// The training side of a sweep: the dataset loaded and checked once, then one training run per cell and seed, each
/// exactly <c>descent train</c>'s run of that spec with <c>--seed</c> (<see cref="Trainer.Train"/> on a fresh network).
/// Per run the sweep keeps the test loss after each epoch: the final one, the best one (epoch 0, the initial weights,
/// included) and the first epoch at or below the target.
/// </summary>
internal sealed class SweepTraining
{
    private readonly Dataset _data;
    private readonly ModelSpec _model;
    private readonly SweepConfig _config;

    private SweepTraining(SweepConfig config, Dataset data, ModelSpec model)
    {
        _config = config;
        _data = data;
        _model = model;
    }

    internal static SweepPlan Plan(SweepConfig config, List<PlannedOptimizer> optimizers, long runs)
    {
        if (config.Model is null) throw new LabInputException("model", $"a training sweep needs --model; valid: {string.Join(", ", ModelCatalog.Names)}.");
        int epochs = config.Epochs ?? SweepExperiment.DefaultEpochs;
        // descent train's own checks, on every cell: the dataset, the model, epochs, batch size, work and memory.
        var probe = TrainingConfigOf(config, optimizers.SelectMany(o => o.Grid.Cells.Take(1)).Select(c => c.Spec).ToList(), 1);
        TrainingExperiment.Validate(probe);
        var data = TrainingExperiment.LoadDataset(config.Dataset!);
        var model = TrainingExperiment.ResolveModel(probe);
        foreach (var o in optimizers)
        {
            var specs = o.Grid.Cells.Select(c => c.Spec).ToList();
            long steps = (long)epochs * new TrainingOptions { BatchSize = probe.BatchSize }.BatchesPerEpoch(data.Train.Count);
            LabOptimizers.CheckSchedules(specs, o.Options, steps, hasLoss: true, hasEpochs: true);
        }
        string problem = $"training\n{data.Source}\n{data.Train.Count}/{data.Test.Count}\n{config.Model}\n{string.Join(",", config.Hidden ?? [])}\n{probe.BatchSize}";
        return new SweepPlan(config, $"{data.Name}/{config.Model}", epochs, optimizers, (int)runs, [], problem, null, new SweepTraining(config, data, model));
    }

    // The descent train config of one run: what a row's spec and seed reproduce.
    private static TrainingConfig TrainingConfigOf(SweepConfig config, IReadOnlyList<string> specs, ulong seed)
    {
        var c = new TrainingConfig
        {
            Dataset = config.Dataset!,
            Model = config.Model!,
            Hidden = config.Hidden,
            Optimizers = specs,
            Convention = config.Convention,
            Epochs = config.Epochs ?? SweepExperiment.DefaultEpochs,
            Seed = seed,
        };
        return config.BatchSize is int b ? c with { BatchSize = b } : c;
    }

    internal SweepOutcome Run(OptimizerOptions options, ulong seed, CancellationToken cancellation)
    {
        var config = TrainingConfigOf(_config, [], seed);
        var network = _model.Create(_data.SampleShape, _data.ClassCount);
        var run = Trainer.Train(network, _data, OptimizerCatalog.Describe(options).ToString(), options,
            new TrainingOptions { Epochs = config.Epochs, BatchSize = config.BatchSize, Seed = seed }, null, cancellation);
        var epochs = run.Epochs;
        double best = double.PositiveInfinity;
        int? reached = null;
        for (int e = 0; e < epochs.Count; e++)
        {
            if (epochs[e].TestLoss < best) best = epochs[e].TestLoss;
            if (reached is null && _config.Target is double t && epochs[e].TestLoss <= t) reached = epochs[e].Epoch;
        }
        return new SweepOutcome
        {
            FinalLoss = epochs.Count > 0 ? epochs[^1].TestLoss : double.NaN,
            BestLoss = epochs.Count > 0 ? best : double.NaN,
            StepsToTarget = reached,
            FinalStep = epochs.Count > 0 ? epochs[^1].Epoch : 0,
            Diverged = run.Diverged,
        };
    }
}
