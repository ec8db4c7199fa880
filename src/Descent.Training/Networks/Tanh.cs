namespace Descent.Training.Networks;

/// <summary><c>y = tanh(x)</c>, with <c>∂x = ∂y·(1 − y²)</c>.</summary>
public sealed class Tanh : Layer
{
    /// <inheritdoc />
    public override string Kind => "tanh";

    /// <inheritdoc />
    protected override Shape OutputShapeFor(Shape input) => input;

    /// <inheritdoc />
    public override void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int batch, bool training)
    {
        int count = batch * InputShape.Size;
        for (int i = 0; i < count; i++) output[i] = MathF.Tanh(input[i]);
    }

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGradient, Span<float> parameterGradients, Span<float> inputGradient, int batch)
    {
        if (inputGradient.IsEmpty) return;
        int count = batch * InputShape.Size;
        for (int i = 0; i < count; i++) inputGradient[i] = outputGradient[i] * (1f - output[i] * output[i]);
    }
}
