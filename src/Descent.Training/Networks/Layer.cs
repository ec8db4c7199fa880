namespace Descent.Training.Networks;

/// <summary>
/// One step of a <see cref="Network"/>: a forward map on a batch and its backward (vector–Jacobian
/// product). A layer owns no parameter storage: it is handed its slice of the network's flat parameter
/// and gradient buffers, so an optimizer step over the whole network is one pass over memory.
/// Batches are stored sample after sample, each sample channels × height × width, row-major.
/// </summary>
public abstract class Layer
{
    /// <summary>The layer's kind, as in <see cref="Network.Describe"/> (<c>dense</c>, <c>conv2d</c>…).</summary>
    public abstract string Kind { get; }

    /// <summary>Shape of one input sample; set when the network is built.</summary>
    public Shape InputShape { get; private set; }

    /// <summary>Shape of one output sample; set when the network is built.</summary>
    public Shape OutputShape { get; private set; }

    /// <summary>Number of trainable parameters.</summary>
    public virtual int ParameterCount => 0;

    /// <summary>Where this layer's parameters start in the network's flat buffers.</summary>
    public int ParameterOffset { get; internal set; }

    internal void Build(Shape input)
    {
        InputShape = input;
        OutputShape = OutputShapeFor(input);
    }

    /// <summary>The output shape for <paramref name="input"/>; throws <see cref="ArgumentException"/> if the layer cannot take it.</summary>
    protected abstract Shape OutputShapeFor(Shape input);

    /// <summary>Draws initial parameters (and resets any random state, e.g. dropout masks) from <paramref name="random"/>.</summary>
    public virtual void Initialize(Span<float> parameters, DeterministicRandom random) { }

    /// <summary>Computes <paramref name="output"/> (batch × output size) from <paramref name="input"/> (batch × input size).</summary>
    public abstract void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int batch, bool training);

    /// <summary>
    /// Given ∂L/∂output, writes ∂L/∂parameters into <paramref name="parameterGradients"/> (overwriting) and
    /// ∂L/∂input into <paramref name="inputGradient"/> (overwriting; skipped when empty, as for the first layer).
    /// <paramref name="input"/> and <paramref name="output"/> are those of the last training forward pass.
    /// </summary>
    public abstract void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGradient, Span<float> parameterGradients, Span<float> inputGradient, int batch);

    /// <summary>A short description such as <c>dense(784→256)</c>.</summary>
    public override string ToString() => $"{Kind}({InputShape}→{OutputShape})";
}
