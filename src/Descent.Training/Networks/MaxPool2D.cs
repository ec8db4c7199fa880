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
    public override void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int batch, bool training)
    {
        int h = InputShape.Height, w = InputShape.Width, ho = OutputShape.Height, wo = OutputShape.Width;
        int planes = batch * InputShape.Channels;
        if (training && _argmax.Length < planes * ho * wo) _argmax = new int[planes * ho * wo];
        for (int plane = 0; plane < planes; plane++)
        {
            int inBase = plane * h * w, outBase = plane * ho * wo;
            for (int y = 0; y < ho; y++)
                for (int x = 0; x < wo; x++)
                {
                    int i0 = inBase + 2 * y * w + 2 * x;
                    int best = i0;
                    if (input[i0 + 1] > input[best]) best = i0 + 1;
                    if (input[i0 + w] > input[best]) best = i0 + w;
                    if (input[i0 + w + 1] > input[best]) best = i0 + w + 1;
                    int o = outBase + y * wo + x;
                    output[o] = input[best];
                    if (training) _argmax[o] = best;
                }
        }
    }

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGradient, Span<float> parameterGradients, Span<float> inputGradient, int batch)
    {
        if (inputGradient.IsEmpty) return;
        inputGradient[..(batch * InputShape.Size)].Clear();
        int count = batch * OutputShape.Size;
        for (int o = 0; o < count; o++) inputGradient[_argmax[o]] += outputGradient[o];
    }
}
