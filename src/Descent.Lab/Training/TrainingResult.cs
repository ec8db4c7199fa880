namespace Descent.Lab.Training;

/// <summary>
/// The outcome of a <see cref="TrainingConfig"/>: one <see cref="TrainingHistory"/> per optimizer, with the
/// config, the data and model it ran on, and the tool version, so a figure can be redrawn without retraining.
/// Written and read with <see cref="IO.LabJson"/>; exported with <see cref="TrainingCsv"/>.
/// </summary>
public sealed record TrainingResult
{
    /// <summary>The config as given (spec texts untouched).</summary>
    public required TrainingConfig Config { get; init; }

    /// <summary>The version of Descent that computed it (<see cref="Lab.ToolVersion.Current"/>).</summary>
    public required string ToolVersion { get; init; }

    /// <summary>Where the data came from: <c>bundled:mnist</c> or a directory's full path.</summary>
    public required string DatasetSource { get; init; }

    /// <summary>Training samples per epoch.</summary>
    public required int TrainSamples { get; init; }

    /// <summary>Test samples evaluated after each epoch.</summary>
    public required int TestSamples { get; init; }

    /// <summary>The network, layer by layer, with its parameter count (<c>mlp: 1×28×28 → flatten → dense(256) → …</c>).</summary>
    public required string Model { get; init; }

    /// <summary>Trainable parameters of the model.</summary>
    public required int Parameters { get; init; }

    /// <summary>One history per optimizer, in the config's order.</summary>
    public IReadOnlyList<TrainingHistory> Histories { get; init => field = [.. value]; } = [];
}
