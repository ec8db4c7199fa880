namespace Descent.Training.Networks;

/// <summary>
/// 2×2 max pooling with stride 2 per channel; an odd last row or column is dropped (floor), as in
/// PyTorch. The gradient flows to the first maximum of each window.
/// </summary>
public sealed class MaxPool2D : Layer
{
    private int[] _argmax = [];

    /// <inheritdoc />
    public override string Kind => "maxpool2d";

    /// <inheritdoc />
    protected override Shape OutputShapeFor(Shape input) =>
        input.Height >= 2 && input.Width >= 2
            ? new Shape(input.Channels, input.Height / 2, input.Width / 2)
            : throw new ArgumentException($"2×2 max pooling needs an input of at least 2×2, got {input}.");

    /// <inheritdoc />
    public override unsafe void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int batch, bool training)
    {
        int h = InputShape.Height, w = InputShape.Width, ho = OutputShape.Height, wo = OutputShape.Width;
        int planes = batch * InputShape.Channels;
        if ((long)planes * h * w > input.Length || (long)planes * ho * wo > output.Length)
            throw new ArgumentException($"A batch of {batch} needs {(long)planes * h * w} inputs and {(long)planes * ho * wo} outputs.");
        if (training && _argmax.Length < planes * ho * wo) _argmax = new int[planes * ho * wo];
        fixed (float* x = input, y = output)
        fixed (int* argmax = _argmax)
        {
            for (int plane = 0; plane < planes; plane++)
            {
                int inBase = plane * h * w, outBase = plane * ho * wo;
                for (int oy = 0; oy < ho; oy++)
                {
                    int row = inBase + 2 * oy * w;
                    float* yRow = y + outBase + oy * wo;
                    int* aRow = argmax + outBase + oy * wo;
                    for (int ox = 0; ox < wo; ox++)
                    {
                        // The first maximum in the order top-left, top-right, bottom-left, bottom-right.
                        int i0 = row + 2 * ox;
                        int best = i0;
                        float value = x[i0];
                        if (x[i0 + 1] > value) { best = i0 + 1; value = x[best]; }
                        if (x[i0 + w] > value) { best = i0 + w; value = x[best]; }
                        if (x[i0 + w + 1] > value) { best = i0 + w + 1; value = x[best]; }
                        yRow[ox] = value;
                        if (training) aRow[ox] = best;
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public override unsafe void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGradient, Span<float> parameterGradients, Span<float> inputGradient, int batch)
    {
        if (inputGradient.IsEmpty) return;
        int count = batch * OutputShape.Size;
        if (count > _argmax.Length || count > outputGradient.Length || (long)batch * InputShape.Size > inputGradient.Length)
            throw new ArgumentException($"A batch of {batch} needs a training forward pass of that batch first.");
        inputGradient[..(batch * InputShape.Size)].Clear();
        fixed (float* dx = inputGradient, dy = outputGradient)
        fixed (int* argmax = _argmax)
        {
            // Windows do not overlap, so each input gets at most one output's gradient.
            for (int o = 0; o < count; o++) dx[argmax[o]] = dy[o];
        }
    }
}
