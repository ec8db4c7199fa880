namespace Descent.Optimizers;

/// <summary>Options of <see cref="Adamax{T}"/>; the property initializers are PyTorch's defaults.</summary>
public sealed record AdamaxOptions : AdamFamilyOptions
{
    /// <summary>PyTorch's defaults: its learning rate is 2e-3.</summary>
    public AdamaxOptions() => LearningRate = 2e-3;

    /// <inheritdoc/>
    public override string Name => "adamax";

    /// <summary>The defaults of <paramref name="convention"/>.</summary>
    public static AdamaxOptions For(Convention convention) => convention switch
    {
        Convention.Lecture => new() { Convention = convention, LearningRate = 0.25 },
        Convention.Keras => new() { Convention = convention, LearningRate = 1e-3, Epsilon = 1e-7 },
        _ => new() { Convention = convention },
    };

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new Adamax<T>(length, this);
}
