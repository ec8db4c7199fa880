using Descent.Specs;
using Descent.Training;
using Descent.Training.Datasets;
using Descent.Training.Networks;

namespace Descent.Lab.Training;

/// <summary>
/// The training experiment (the lecture's closing learning histories): a model trained on real data by each
/// optimizer in turn — the same initial weights, the same batches in the same order for every one
/// (<see cref="Trainer.Compare"/>) — recording the training loss of every step and the test loss and accuracy
/// after every epoch. A run whose loss stops being finite ends there and is marked diverged; the others go on.
/// </summary>
public static class TrainingExperiment
{
    /// <summary>Checks <paramref name="config"/>, loads its dataset, builds its model and trains it with every optimizer.</summary>
    /// <param name="config">What to train.</param>
    /// <param name="progress">Told after every step and every evaluation (<see cref="TrainingProgress.Run"/> is the optimizer's index).</param>
    /// <param name="cancellation">Stops training between steps.</param>
    /// <exception cref="LabInputException">Bad dataset, model, hidden sizes, optimizer, epochs or batch size; thrown before any training.</exception>
    public static TrainingResult Run(TrainingConfig config, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var (data, network, optimizers, options) = Prepare(config);
        var runs = Trainer.Compare(network, data, optimizers, options, progress is null ? null : progress.Report, cancellation);
        return new TrainingResult
        {
            Config = config,
            ToolVersion = Lab.ToolVersion.Current,
            DatasetSource = data.Source,
            TrainSamples = data.Train.Count,
            TestSamples = data.Test.Count,
            Model = network.Describe(),
            Parameters = network.ParameterCount,
            Histories = [.. runs.Select(r => new TrainingHistory
            {
                Optimizer = r.Optimizer,
                Resolved = OptimizerCatalog.Describe(r.Options).ToString(),
                Iterations = r.Iterations,
                Epochs = r.Epochs,
                DivergedAtIteration = r.DivergedAtIteration,
                Seconds = r.Seconds,
            })],
        };
    }

    /// <summary>Checks everything a run needs from <paramref name="config"/> (loading the dataset and building the model) without training.</summary>
    /// <exception cref="LabInputException">The first problem found.</exception>
    public static void Validate(TrainingConfig config) => Prepare(config);

    /// <summary>The model <paramref name="config"/> asks for, checked: its name, and hidden sizes only for <c>mlp</c>, all positive.</summary>
    /// <exception cref="LabInputException">An unknown model or bad hidden sizes.</exception>
    public static ModelSpec ResolveModel(TrainingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        string model = config.Model.Trim().ToLowerInvariant();
        if (!ModelCatalog.Names.Contains(model))
            throw new LabInputException("model", $"Unknown model '{config.Model}'; valid: {string.Join(", ", ModelCatalog.Names)}.");
        var spec = new ModelSpec(model);
        if (config.Hidden is null) return spec;
        if (model != "mlp")
            throw new LabInputException("hidden", $"Hidden sizes apply to the mlp model only, not to {model}.");
        if (config.Hidden.Count == 0 || config.Hidden.Any(h => h <= 0))
            throw new LabInputException("hidden", $"Hidden sizes must be one or more positive integers (e.g. 1000,1000); got [{string.Join(",", config.Hidden)}].");
        return spec with { Hidden = config.Hidden };
    }

    private static (Dataset Data, Network Network, List<(string Label, OptimizerOptions Options)> Optimizers, TrainingOptions Options) Prepare(TrainingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Epochs < 1) throw new LabInputException("epochs", $"Epochs must be at least 1, got {config.Epochs}.");
        if (config.BatchSize < 1) throw new LabInputException("batch-size", $"The batch size must be at least 1, got {config.BatchSize}.");
        var model = ResolveModel(config);
        if (config.Optimizers.Count == 0)
            throw new LabInputException("optimizer", $"No optimizer given; write e.g. adam(lr=0.001); valid: {string.Join(", ", OptimizerCatalog.Names)}.");
        var optimizers = new List<(string, OptimizerOptions)>(config.Optimizers.Count);
        foreach (string spec in config.Optimizers)
        {
            try { optimizers.Add((spec, OptimizerCatalog.Resolve(spec, config.Convention))); }
            catch (SpecException e) { throw new LabInputException("optimizer", e.Message, e); }
        }
        var data = LoadDataset(config.Dataset);
        Network network;
        try { network = model.Create(data.SampleShape, data.ClassCount); }
        catch (ArgumentException e) { throw new LabInputException("model", $"{model.Name} cannot take {data.Name}'s {data.SampleShape} samples: {e.Message}", e); }
        var options = new TrainingOptions { Epochs = config.Epochs, BatchSize = config.BatchSize, Seed = config.Seed };
        return (data, network, optimizers, options);
    }

    /// <summary>A bundled dataset or a directory of IDX files; any problem becomes a <see cref="LabInputException"/> about <c>dataset</c>.</summary>
    public static Dataset LoadDataset(string nameOrDirectory)
    {
        ArgumentNullException.ThrowIfNull(nameOrDirectory);
        Dataset data;
        try
        {
            data = DatasetCatalog.Load(nameOrDirectory);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new LabInputException("dataset", e.Message, e);
        }
        // Without test images every accuracy is 0/0: "test accuracy NaN%" would look like a result.
        if (data.Test.Count == 0)
            throw new LabInputException("dataset", $"Dataset '{data.Name}' has no test images (t10k-images-idx3-ubyte holds 0); a run needs at least one to measure test accuracy.");
        return data;
    }
}
