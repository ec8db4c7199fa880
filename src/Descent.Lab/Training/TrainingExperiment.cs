using System.Globalization;
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
        bool record = LabOptimizers.AnySchedule(optimizers.Select(o => o.Options));
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
                LearningRates = record ? r.LearningRates : null,
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
            throw new LabInputException("hidden", $"Hidden sizes must be one or more positive integers (e.g. 1000,1000); got [{string.Join(",", config.Hidden.Take(20))}{(config.Hidden.Count > 20 ? ",…" : "")}].");
        if (config.Hidden.Count > ModelSpec.MaxHiddenLayers)
            throw new LabInputException("hidden", $"{config.Hidden.Count} hidden layers is above the limit {ModelSpec.MaxHiddenLayers}.");
        return spec with { Hidden = config.Hidden };
    }

    private static (Dataset Data, Network Network, List<(string Label, OptimizerOptions Options)> Optimizers, TrainingOptions Options) Prepare(TrainingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Epochs < 1) throw new LabInputException("epochs", $"Epochs must be at least 1, got {config.Epochs}.");
        if (config.Epochs > TrainingOptions.MaxEpochs) throw new LabInputException("epochs", $"{config.Epochs} is above the limit {TrainingOptions.MaxEpochs}.");
        if (config.BatchSize < 1) throw new LabInputException("batch-size", $"The batch size must be at least 1, got {config.BatchSize}.");
        if (config.BatchSize > TrainingOptions.MaxBatchSize) throw new LabInputException("batch-size", $"{config.BatchSize} is above the limit {TrainingOptions.MaxBatchSize}.");
        var model = ResolveModel(config);
        if (config.Optimizers.Count == 0)
            throw new LabInputException("optimizer", $"No optimizer given; write e.g. adam(lr=0.001); valid: {string.Join(", ", OptimizerCatalog.Names)}.");
        LabOptimizers.CheckCount(config.Optimizers.Count);
        var optimizers = new List<(string, OptimizerOptions)>(config.Optimizers.Count);
        foreach (string spec in config.Optimizers)
        {
            try { optimizers.Add((spec, OptimizerCatalog.Resolve(spec, config.Convention))); }
            catch (SpecException e) { throw new LabInputException("optimizer", e.Message, e); }
        }
        var data = LoadDataset(config.Dataset);
        var options = new TrainingOptions { Epochs = config.Epochs, BatchSize = config.BatchSize, Seed = config.Seed };
        CheckWork(config, data, optimizers, options);
        ModelSize size;
        try { size = ModelSize.Of(model, data.SampleShape, data.ClassCount); }
        catch (ArgumentException e) { throw new LabInputException("model", $"{model.Name} cannot take {data.Name}'s {data.SampleShape} samples: {e.Message}", e); }
        CheckMemory(config, data, optimizers, options, size);
        var network = model.Create(data.SampleShape, data.ClassCount);
        return (data, network, optimizers, options);
    }

    // Epochs × batches × look-ahead points, in 64-bit arithmetic: each optimizer's run keeps a record per step.
    private static void CheckWork(TrainingConfig config, Dataset data, List<(string Label, OptimizerOptions Options)> optimizers, TrainingOptions options)
    {
        int n = data.Train.Count, points = optimizers.Max(o => o.Options.GradientsPerStep());
        LabOptimizers.CheckSchedules([.. optimizers.Select(o => o.Label)], [.. optimizers.Select(o => o.Options)],
            (long)config.Epochs * options.BatchesPerEpoch(n), hasLoss: true, hasEpochs: true);
        long gradients = options.GradientEvaluations(n, points);
        if (gradients <= TrainingOptions.MaxGradientEvaluations) return;
        string lookAhead = points > 1 ? $" × {points} look-ahead points" : "";
        throw new LabInputException("epochs", string.Create(CultureInfo.InvariantCulture,
            $"{config.Epochs:N0} epochs × {options.BatchesPerEpoch(n):N0} batches of {config.BatchSize:N0} of the {n:N0} training samples{lookAhead} = {gradients:N0} steps, above the limit of {TrainingOptions.MaxGradientEvaluations:N0} per optimizer; give fewer --epochs or a larger --batch-size."));
    }

    // Parameters, gradients, optimizer state and one batch of activations, before any of it is allocated.
    private static void CheckMemory(TrainingConfig config, Dataset data, List<(string Label, OptimizerOptions Options)> optimizers, TrainingOptions options, ModelSize size)
    {
        string argument = config.Hidden is null ? "model" : "hidden";
        string remedy = config.Hidden is null ? "give a smaller --batch-size" : "give smaller --hidden sizes or a smaller --batch-size";
        int batch = Math.Max(Math.Min(options.BatchSize, data.Train.Count), Math.Min(options.EvaluationBatchSize, data.Test.Count));
        if (!size.FitsOneBuffer)
            throw new LabInputException(argument, string.Create(CultureInfo.InvariantCulture,
                $"{size.Describe()}: above the limit of {Array.MaxLength:N0} values in one buffer; {(config.Hidden is null ? "the dataset's samples are too large for this model" : "give smaller --hidden sizes")}."));
        if ((double)batch * size.WidestPerSample > Array.MaxLength)
            throw new LabInputException("batch-size", string.Create(CultureInfo.InvariantCulture,
                $"batches of {batch:N0} × {size.WidestPerSample:N0} values per sample in the widest layer of {size.Describe()}: above the limit of {Array.MaxLength:N0} values in one buffer; give a smaller --batch-size."));
        int buffers = optimizers.Max(o =>
        {
            var optimizer = o.Options.Create<float>(0);
            // A look-ahead step keeps the point, the gradient and their sum, and the trainer a copy of the weights.
            // Muon in training adds AdamW's two moments and its gradient, update and orthogonalized copies;
            // L-BFGS keeps two history buffers per pair and nine work buffers besides its own two.
            return optimizer.StateNames.Count + (optimizer.NeedsOracle ? 4 : 0) + (o.Options is Descent.Optimizers.MuonOptions ? 5 : 0)
                + (optimizer.NeedsLoss ? 2 * HistoryOf(o.Options) + 11 : 0);
        });
        MemoryBudget.Check(argument, size.TrainingBytes(batch, buffers),
            string.Create(CultureInfo.InvariantCulture, $"Training {size.Describe()} in batches of {batch:N0}"), remedy);
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
        return data;
    }

    private static int HistoryOf(OptimizerOptions options) => options switch
    {
        Optimizers.LbfgsOptions l => l.HistorySize,
        Optimizers.LookaheadOptions w => HistoryOf(w.Inner),
        _ => 0,
    };
}
