using Descent.Training.Tensors;

namespace Descent.Training.Networks;

/// <summary>
/// 2-D convolution (cross-correlation, as in every framework) with a square kernel, stride and zero
/// padding; weights stored output channels × (input channels · kernel · kernel), then one bias per
/// output channel. Each sample is unrolled (im2col) so the work is a GEMM:
/// <c>y = W·col + b</c>, <c>∂W = Σ ∂y·colᵀ</c>, <c>∂col = Wᵀ·∂y</c> folded back (col2im) into ∂x.
/// </summary>
public sealed class Conv2D : Layer
{
    private float[] _col = [];
    private float[] _dcol = [];

    /// <summary>A convolution to <paramref name="outputChannels"/> channels (default 3×3, stride 1, padding 1: same size).</summary>
    public Conv2D(int outputChannels, int kernel = 3, int stride = 1, int padding = 1, Initialization initialization = Initialization.He)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernel);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        OutputChannels = outputChannels;
        Kernel = kernel;
        Stride = stride;
        Padding = padding;
        Initialization = initialization;
    }

    /// <summary>Number of output channels (filters).</summary>
    public int OutputChannels { get; }

    /// <summary>Kernel height and width.</summary>
    public int Kernel { get; }

    /// <summary>Step between windows.</summary>
    public int Stride { get; }

    /// <summary>Zeros added on every side.</summary>
    public int Padding { get; }

    /// <summary>How the weights are drawn.</summary>
    public Initialization Initialization { get; }

    private int Patch => InputShape.Channels * Kernel * Kernel;

    private int Pixels => OutputShape.Height * OutputShape.Width;

    /// <inheritdoc />
    public override string Kind => "conv2d";

    /// <inheritdoc />
    public override int ParameterCount => OutputChannels * Patch + OutputChannels;

    /// <inheritdoc />
    protected override Shape OutputShapeFor(Shape input)
    {
        int h = (input.Height + 2 * Padding - Kernel) / Stride + 1;
        int w = (input.Width + 2 * Padding - Kernel) / Stride + 1;
        if (input.Height + 2 * Padding < Kernel || input.Width + 2 * Padding < Kernel)
            throw new ArgumentException($"A {Kernel}×{Kernel} convolution with padding {Padding} does not fit an input of {input}.");
        return new Shape(OutputChannels, h, w);
    }

    /// <inheritdoc />
    public override void Initialize(Span<float> parameters, DeterministicRandom random)
    {
        int count = OutputChannels * Patch;
        float limit = Initialization.Limit(Patch, OutputChannels * Kernel * Kernel);
        for (int i = 0; i < count; i++) parameters[i] = random.NextSymmetric(limit);
        parameters[count..].Clear();
    }

    /// <inheritdoc />
    public override void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int batch, bool training)
    {
        int k = Patch, n = Pixels, m = OutputChannels;
        EnsureScratch();
        var w = parameters[..(m * k)];
        var b = parameters.Slice(m * k, m);
        for (int s = 0; s < batch; s++)
        {
            Im2Col(input.Slice(s * InputShape.Size, InputShape.Size), _col);
            var y = output.Slice(s * m * n, m * n);
            for (int o = 0; o < m; o++) y.Slice(o * n, n).Fill(b[o]);
            Gemm.Multiply(w, false, _col, false, y, m, n, k, accumulate: true);
        }
    }

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGradient, Span<float> parameterGradients, Span<float> inputGradient, int batch)
    {
        int k = Patch, n = Pixels, m = OutputChannels;
        EnsureScratch();
        var w = parameters[..(m * k)];
        var dw = parameterGradients[..(m * k)];
        var db = parameterGradients.Slice(m * k, m);
        dw.Clear();
        db.Clear();
        for (int s = 0; s < batch; s++)
        {
            var dy = outputGradient.Slice(s * m * n, m * n);
            Im2Col(input.Slice(s * InputShape.Size, InputShape.Size), _col);
            Gemm.Multiply(dy, false, _col, true, dw, m, k, n, accumulate: true);
            for (int o = 0; o < m; o++)
            {
                float sum = 0f;
                foreach (float g in dy.Slice(o * n, n)) sum += g;
                db[o] += sum;
            }
            if (!inputGradient.IsEmpty)
            {
                Gemm.Multiply(w, true, dy, false, _dcol, k, n, m);
                Col2Im(_dcol, inputGradient.Slice(s * InputShape.Size, InputShape.Size));
            }
        }
    }

    private void EnsureScratch()
    {
        if (_col.Length != Patch * Pixels)
        {
            _col = new float[Patch * Pixels];
            _dcol = new float[Patch * Pixels];
        }
    }

    /// <summary>col[(c·K + ky)·K + kx, oy·Wo + ox] = x[c, oy·S − P + ky, ox·S − P + kx], zero outside the image.</summary>
    private void Im2Col(ReadOnlySpan<float> x, Span<float> col)
    {
        int h = InputShape.Height, w = InputShape.Width, ho = OutputShape.Height, wo = OutputShape.Width;
        int row = 0;
        for (int c = 0; c < InputShape.Channels; c++)
            for (int ky = 0; ky < Kernel; ky++)
                for (int kx = 0; kx < Kernel; kx++, row++)
                {
                    var dst = col.Slice(row * ho * wo, ho * wo);
                    for (int oy = 0; oy < ho; oy++)
                    {
                        int iy = oy * Stride - Padding + ky;
                        for (int ox = 0; ox < wo; ox++)
                        {
                            int ix = ox * Stride - Padding + kx;
                            dst[oy * wo + ox] = (uint)iy < (uint)h && (uint)ix < (uint)w ? x[(c * h + iy) * w + ix] : 0f;
                        }
                    }
                }
    }

    /// <summary>The adjoint of <see cref="Im2Col"/>: overwrites dx with the sum of every column entry that read each pixel.</summary>
    private void Col2Im(ReadOnlySpan<float> col, Span<float> dx)
    {
        int h = InputShape.Height, w = InputShape.Width, ho = OutputShape.Height, wo = OutputShape.Width;
        dx.Clear();
        int row = 0;
        for (int c = 0; c < InputShape.Channels; c++)
            for (int ky = 0; ky < Kernel; ky++)
                for (int kx = 0; kx < Kernel; kx++, row++)
                {
                    var src = col.Slice(row * ho * wo, ho * wo);
                    for (int oy = 0; oy < ho; oy++)
                    {
                        int iy = oy * Stride - Padding + ky;
                        if ((uint)iy >= (uint)h) continue;
                        for (int ox = 0; ox < wo; ox++)
                        {
                            int ix = ox * Stride - Padding + kx;
                            if ((uint)ix < (uint)w) dx[(c * h + iy) * w + ix] += src[oy * wo + ox];
                        }
                    }
                }
    }
}
