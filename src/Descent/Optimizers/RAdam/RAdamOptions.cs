namespace Descent.Optimizers;

/// <summary>
/// Options of <see cref="RAdam{T}"/>: PyTorch's defaults, in every convention (neither the lecture nor Lasagne
/// defines RAdam).
/// </summary>
public sealed record RAdamOptions : AdamFamilyOptions
{
    /// <inheritdoc/>
    public override string Name => "radam";

    /// <summary>The defaults of <paramref name="convention"/> (PyTorch's, whatever the convention).</summary>
    public static RAdamOptions For(Convention convention) => new() { Convention = convention };

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new RAdam<T>(length, this);
}
