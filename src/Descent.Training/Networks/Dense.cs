using System.Numerics;
using System.Runtime.InteropServices;
using Descent.Tensors;

namespace Descent.Training.Networks;

/// <summary>
/// Fully connected layer <c>y = x·W + b</c> with W stored inputs × outputs (row-major), then b.
/// Backward: <c>∂W = xᵀ·∂y</c>, <c>∂b = Σ_batch ∂y</c>, <c>∂x = ∂y·Wᵀ</c> — the three GEMM variants.
/// </summary>
public sealed class Dense(int outputs, Initialization initialization = Initialization.Glorot) : Layer
{
    /// <summary>Number of output features.</summary>
    public int Outputs { get; } = outputs > 0 ? outputs : throw new ArgumentOutOfRangeException(nameof(outputs), "A dense layer needs at least one output.");

    /// <summary>How the weights are drawn.</summary>
    public Initialization Initialization { get; } = initialization;

    private int Inputs => InputShape.Size;

    /// <inheritdoc />
    public override string Kind => "dense";

    /// <inheritdoc />
    /// <exception cref="OverflowException">More than <see cref="int.MaxValue"/> parameters (checked, so that it cannot wrap to a small count).</exception>
    public override int ParameterCount => checked(Inputs * Outputs + Outputs);

    /// <inheritdoc />
    protected override Shape OutputShapeFor(Shape input) => Shape.Vector(Outputs);

    /// <inheritdoc />
    public override void Initialize(Span<float> parameters, DeterministicRandom random)
    {
        float limit = Initialization.Limit(Inputs, Outputs);
        var w = parameters[..(Inputs * Outputs)];
        for (int i = 0; i < w.Length; i++) w[i] = random.NextSymmetric(limit);
        parameters[(Inputs * Outputs)..].Clear();
    }

    /// <inheritdoc />
    public override void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int batch, bool training)
    {
        int n = Inputs, m = Outputs;
        var w = parameters[..(n * m)];
        var b = parameters.Slice(n * m, m);
        for (int s = 0; s < batch; s++) b.CopyTo(output.Slice(s * m, m));
        Gemm.Multiply(input, false, w, false, output, batch, m, n, accumulate: true);
    }

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGradient, Span<float> parameterGradients, Span<float> inputGradient, int batch)
    {
        int n = Inputs, m = Outputs;
        Gemm.Multiply(input, true, outputGradient, false, parameterGradients[..(n * m)], n, m, batch);
        var db = parameterGradients.Slice(n * m, m);
        db.Clear();
        var dbVectors = MemoryMarshal.Cast<float, Vector<float>>(db);
        int tail = dbVectors.Length * Vector<float>.Count;
        for (int s = 0; s < batch; s++)
        {
            var dy = outputGradient.Slice(s * m, m);
            var dyVectors = MemoryMarshal.Cast<float, Vector<float>>(dy);
            for (int v = 0; v < dbVectors.Length; v++) dbVectors[v] += dyVectors[v];
            for (int j = tail; j < m; j++) db[j] += dy[j];
        }
        if (!inputGradient.IsEmpty)
            Gemm.Multiply(outputGradient, false, parameters[..(n * m)], true, inputGradient, batch, n, m);
    }
}
