namespace Descent.Training.Networks;

/// <summary><c>y = max(x, 0)</c>; the derivative at 0 is taken as 0 (as PyTorch does).</summary>
public sealed class Relu : Layer
{
    /// <inheritdoc />
    public override string Kind => "relu";

    /// <inheritdoc />
    protected override Shape OutputShapeFor(Shape input) => input;

    /// <inheritdoc />
    public override void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int batch, bool training)
    {
        int count = batch * InputShape.Size;
        for (int i = 0; i < count; i++) output[i] = input[i] > 0f ? input[i] : 0f;
    }

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGradient, Span<float> parameterGradients, Span<float> inputGradient, int batch)
    {
        if (inputGradient.IsEmpty) return;
        int count = batch * InputShape.Size;
        for (int i = 0; i < count; i++) inputGradient[i] = input[i] > 0f ? outputGradient[i] : 0f;
    }
}
