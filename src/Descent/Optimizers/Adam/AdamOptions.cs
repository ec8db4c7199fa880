using System.Numerics;

namespace Descent.Optimizers;

/// <summary>Options of <see cref="Adam{T}"/>; the property initializers are PyTorch's defaults.</summary>
public record AdamOptions : AdamFamilyOptions
{
    /// <inheritdoc/>
    public override string Name => "adam";

    /// <summary>AMSGrad: divide by the running maximum of the second moment (Reddi et al., 2018).</summary>
    public bool AmsGrad { get; init; }

    /// <summary>The defaults of <paramref name="convention"/>.</summary>
    public static AdamOptions For(Convention convention) => convention switch
    {
        Convention.Lecture => new() { Convention = convention, LearningRate = 0.25, Epsilon = 1e-7 },
        Convention.Keras => new() { Convention = convention, Epsilon = 1e-7 },
        _ => new() { Convention = convention },
    };

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new Adam<T>(length, this);
}
