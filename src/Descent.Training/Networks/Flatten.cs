namespace Descent.Training.Networks;

/// <summary>Reads a channels × height × width sample as one vector; the values do not move.</summary>
public sealed class Flatten : Layer
{
    /// <inheritdoc />
    public override string Kind => "flatten";

    /// <inheritdoc />
    protected override Shape OutputShapeFor(Shape input) => Shape.Vector(input.Size);

    /// <inheritdoc />
    public override void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int batch, bool training) =>
        input[..(batch * InputShape.Size)].CopyTo(output);

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGradient, Span<float> parameterGradients, Span<float> inputGradient, int batch)
    {
        if (!inputGradient.IsEmpty) outputGradient[..(batch * InputShape.Size)].CopyTo(inputGradient);
    }
}
