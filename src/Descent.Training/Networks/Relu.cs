using System.Numerics;
using System.Runtime.InteropServices;

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
        var x = MemoryMarshal.Cast<float, Vector<float>>(input[..count]);
        var y = MemoryMarshal.Cast<float, Vector<float>>(output[..count]);
        for (int v = 0; v < x.Length; v++) y[v] = Vector.ConditionalSelect(Vector.GreaterThan(x[v], Vector<float>.Zero), x[v], Vector<float>.Zero);
        for (int i = x.Length * Vector<float>.Count; i < count; i++) output[i] = input[i] > 0f ? input[i] : 0f;
    }

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGradient, Span<float> parameterGradients, Span<float> inputGradient, int batch)
    {
        if (inputGradient.IsEmpty) return;
        int count = batch * InputShape.Size;
        var x = MemoryMarshal.Cast<float, Vector<float>>(input[..count]);
        var dy = MemoryMarshal.Cast<float, Vector<float>>(outputGradient[..count]);
        var dx = MemoryMarshal.Cast<float, Vector<float>>(inputGradient[..count]);
        for (int v = 0; v < x.Length; v++) dx[v] = Vector.ConditionalSelect(Vector.GreaterThan(x[v], Vector<float>.Zero), dy[v], Vector<float>.Zero);
        for (int i = x.Length * Vector<float>.Count; i < count; i++) inputGradient[i] = input[i] > 0f ? outputGradient[i] : 0f;
    }
}
