using Descent.Training.Tensors;

namespace Descent.Training.Networks;

/// <summary>
/// 2-D convolution (cross-correlation, as in every framework) with a square kernel, stride and zero
/// padding; weights stored output channels × (input channels · kernel · kernel), then one bias per
/// output channel. Each sample is unrolled (im2col) so the work is a GEMM:
/// <c>y = W·col + b</c>, <c>∂W = Σ ∂y·colᵀ</c>, <c>∂col = Wᵀ·∂y</c> folded back (col2im) into ∂x.
/// </summary>
public sealed unsafe class Conv2D : Layer
{
    private float[] _perSample = [];

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
        fixed (float* pParameters = parameters, pInput = input, pOutput = output)
        {
            nint wAddress = (nint)pParameters, inAddress = (nint)pInput, outAddress = (nint)pOutput;
            ForSamples(batch, (s, col, _) =>
            {
                var w = new ReadOnlySpan<float>((float*)wAddress, m * k + m);
                Im2Col(new ReadOnlySpan<float>((float*)inAddress + (long)s * InputShape.Size, InputShape.Size), col);
                var y = new Span<float>((float*)outAddress + (long)s * m * n, m * n);
                for (int o = 0; o < m; o++) y.Slice(o * n, n).Fill(w[m * k + o]);
                Gemm.Multiply(w[..(m * k)], false, col, false, y, m, n, k, accumulate: true, maxThreads: 1);
            });
        }
    }

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGradient, Span<float> parameterGradients, Span<float> inputGradient, int batch)
    {
        int k = Patch, n = Pixels, m = OutputChannels;
        int per = m * k + m;
        if (_perSample.Length < batch * per) _perSample = new float[batch * per];
        bool wantInput = !inputGradient.IsEmpty;
        fixed (float* pParameters = parameters, pInput = input, pDy = outputGradient, pDx = inputGradient, pPartial = _perSample)
        {
            nint wAddress = (nint)pParameters, inAddress = (nint)pInput, dyAddress = (nint)pDy, dxAddress = (nint)pDx, partialAddress = (nint)pPartial;
            ForSamples(batch, (s, col, dcol) =>
            {
                var w = new ReadOnlySpan<float>((float*)wAddress, m * k);
                var dy = new ReadOnlySpan<float>((float*)dyAddress + (long)s * m * n, m * n);
                var partial = new Span<float>((float*)partialAddress + (long)s * per, per);
                Im2Col(new ReadOnlySpan<float>((float*)inAddress + (long)s * InputShape.Size, InputShape.Size), col);
                Gemm.Multiply(dy, false, col, true, partial[..(m * k)], m, k, n, maxThreads: 1);
                for (int o = 0; o < m; o++)
                {
                    float sum = 0f;
                    foreach (float g in dy.Slice(o * n, n)) sum += g;
                    partial[m * k + o] = sum;
                }
                if (wantInput)
                {
                    Gemm.Multiply(w, true, dy, false, dcol, k, n, m, maxThreads: 1);
                    Col2Im(dcol, new Span<float>((float*)dxAddress + (long)s * InputShape.Size, InputShape.Size));
                }
            });
        }
        // Per-sample gradients summed in sample order: the same bits whatever the thread count.
        var total = parameterGradients[..per];
        _perSample.AsSpan(0, per).CopyTo(total);
        for (int s = 1; s < batch; s++)
        {
            var partial = _perSample.AsSpan(s * per, per);
            for (int i = 0; i < per; i++) total[i] += partial[i];
        }
    }

    private delegate void SampleWork(int sample, Span<float> col, Span<float> dcol);

    /// <summary>Runs <paramref name="work"/> for every sample, on several threads when the batch is large enough;
    /// each sample writes only its own outputs, so the thread count never changes a result.</summary>
    private void ForSamples(int batch, SampleWork work)
    {
        int size = Patch * Pixels;
        long flops = (long)batch * OutputChannels * size;
        int workers = flops < Gemm.ParallelThreshold ? 1 : Math.Min(Environment.ProcessorCount, batch);
        if (workers == 1)
        {
            var col = new float[size];
            var dcol = new float[size];
            for (int s = 0; s < batch; s++) work(s, col, dcol);
            return;
        }
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            var col = new float[size];
            var dcol = new float[size];
            for (int s = worker; s < batch; s += workers) work(s, col, dcol);
        });
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
                        if (Stride == 1)
                        {
                            // Stride 1: the valid part of an output row is one contiguous run of an input row.
                            var line = dst.Slice(oy * wo, wo);
                            if ((uint)iy >= (uint)h)
                            {
                                line.Clear();
                                continue;
                            }
                            int first = Math.Clamp(Padding - kx, 0, wo), last = Math.Clamp(w + Padding - kx, first, wo);
                            line[..first].Clear();
                            x.Slice((c * h + iy) * w + first - Padding + kx, last - first).CopyTo(line[first..last]);
                            line[last..].Clear();
                            continue;
                        }
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
