using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Descent.Tensors;

namespace Descent.Training.Networks;

/// <summary>
/// 2-D convolution (cross-correlation, as in every framework) with a square kernel, stride and zero
/// padding; weights stored output channels × (input channels · kernel · kernel), then one bias per
/// output channel. The batch is cut into chunks of a few samples, each unrolled (im2col) so the three
/// products are matrix products: <c>Y = W·col + b</c>, <c>∂W = ∂Y·colᵀ</c> summed over the chunk's pixels
/// (<see cref="Gemm.DotProducts(float*, float*, float*, int, int, int)"/>: a few filters × taps, thousands of pixels), and
/// <c>∂col = Wᵀ·∂Y</c> folded back (col2im) into ∂x. Y and ∂col use <see cref="Gemm.SmallDepth(float*, int, int, float*, float*, int, float*, int, int, int, int)"/>
/// when their depth (patch size, filter count) is short, writing each sample in place, and the packed
/// <see cref="Gemm"/> product over the whole chunk otherwise.
/// </summary>
/// <remarks>
/// Chunk boundaries depend only on the layer's shape, never on the thread count: threads take whole
/// chunks, each chunk writes only its own outputs and its own partial weight gradient, and the partials
/// are summed in chunk order, so 1 and N threads give the same bits. Workspaces are kept between calls;
/// a steady-state training step allocates no arrays.
/// </remarks>
public sealed unsafe class Conv2D : Layer
{
    /// <summary>Floats of one chunk's unrolled matrix to aim for: with its GEMM output it stays in a core's L2.</summary>
    private const int ChunkFloats = 1 << 16;

    private readonly Action<int> _forwardWorker, _backwardWorker;
    private readonly ParallelOptions _parallel = new();
    private float[][] _col = [], _product = [], _dcol = [];
    private float[] _partials = [];

    // The call in flight, read by the workers (pointers into buffers the caller keeps fixed).
    private float* _weights, _input, _output, _outputGradient, _inputGradient;
    private int _batch, _nextChunk;

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
        _forwardWorker = ForwardWorker;
        _backwardWorker = BackwardWorker;
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

    /// <summary>Most threads a pass uses; 0 (the default) means one per core. Never changes a result.</summary>
    internal int MaxThreads { get; set; }

    private int Patch => InputShape.Channels * Kernel * Kernel;

    private int Pixels => OutputShape.Height * OutputShape.Width;

    /// <summary>Samples per chunk: a function of the shape alone, so the summation order of ∂W is too.</summary>
    internal int SamplesPerChunk => Math.Clamp(ChunkFloats / Math.Max(1, Patch * Pixels), 1, 32);

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
        CheckLengths(parameters, input, output, batch);
        fixed (float* pParameters = parameters, pInput = input, pOutput = output)
        {
            _weights = pParameters;
            _input = pInput;
            _output = pOutput;
            Run(batch, _forwardWorker, backward: false);
        }
    }

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGradient, Span<float> parameterGradients, Span<float> inputGradient, int batch)
    {
        CheckLengths(parameters, input, outputGradient, batch);
        if (parameterGradients.Length < ParameterCount)
            throw new ArgumentException($"Need {ParameterCount} parameter gradients, got {parameterGradients.Length}.", nameof(parameterGradients));
        if (!inputGradient.IsEmpty && inputGradient.Length < (long)batch * InputShape.Size)
            throw new ArgumentException($"A batch of {batch} needs {(long)batch * InputShape.Size} input gradients, got {inputGradient.Length}.", nameof(inputGradient));
        int per = ParameterCount;
        int chunks = (batch + SamplesPerChunk - 1) / SamplesPerChunk;
        if (_partials.Length < chunks * per) _partials = new float[chunks * per];
        fixed (float* pParameters = parameters, pInput = input, pDy = outputGradient, pDx = inputGradient)
        {
            _weights = pParameters;
            _input = pInput;
            _outputGradient = pDy;
            _inputGradient = inputGradient.IsEmpty ? null : pDx;
            Run(batch, _backwardWorker, backward: true);
        }
        // Chunk partials summed in chunk order: the same bits whatever thread computed which chunk.
        var total = parameterGradients[..per];
        if (chunks == 0)
        {
            total.Clear();
            return;
        }
        _partials.AsSpan(0, per).CopyTo(total);
        for (int c = 1; c < chunks; c++) AddTo(_partials.AsSpan(c * per, per), total);
    }

    private void CheckLengths(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output, int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        if (parameters.Length < ParameterCount) throw new ArgumentException($"Need {ParameterCount} parameters, got {parameters.Length}.", nameof(parameters));
        if (input.Length < (long)batch * InputShape.Size)
            throw new ArgumentException($"A batch of {batch} needs {(long)batch * InputShape.Size} inputs, got {input.Length}.", nameof(input));
        if (output.Length < (long)batch * OutputShape.Size)
            throw new ArgumentException($"A batch of {batch} needs {(long)batch * OutputShape.Size} outputs, got {output.Length}.", nameof(output));
    }

    /// <summary>Hands the batch's chunks to up to <see cref="MaxThreads"/> workers, each with its own workspaces.</summary>
    private void Run(int batch, Action<int> worker, bool backward)
    {
        int g = SamplesPerChunk, chunks = (batch + g - 1) / g;
        if (chunks == 0) return;
        long work = (long)batch * OutputChannels * Patch * Pixels;
        int workers = work < Gemm.ParallelThreshold ? 1 : Math.Min(chunks, MaxThreads == 0 ? Environment.ProcessorCount : MaxThreads);
        EnsureWorkspaces(workers, backward);
        _batch = batch;
        _nextChunk = 0;
        if (workers == 1) worker(0);
        else
        {
            _parallel.MaxDegreeOfParallelism = workers;
            Parallel.For(0, workers, _parallel, worker);
        }
    }

    private void EnsureWorkspaces(int workers, bool backward)
    {
        int size = SamplesPerChunk * Patch * Pixels, product = SamplesPerChunk * OutputChannels * Pixels;
        if (_col.Length < workers)
        {
            Array.Resize(ref _col, workers);
            Array.Resize(ref _product, workers);
            Array.Resize(ref _dcol, workers);
        }
        for (int i = 0; i < workers; i++)
        {
            _col[i] ??= GC.AllocateUninitializedArray<float>(size, pinned: true);
            _product[i] ??= GC.AllocateUninitializedArray<float>(product, pinned: true);
            if (backward) _dcol[i] ??= GC.AllocateUninitializedArray<float>(size, pinned: true);
        }
    }

    /// <summary>Takes chunks until none is left; which chunks a worker gets never changes what they compute.</summary>
    private bool NextChunk(out int first, out int count)
    {
        int g = SamplesPerChunk;
        int chunk = Interlocked.Increment(ref _nextChunk) - 1;
        first = chunk * g;
        count = Math.Min(g, _batch - first);
        return first < _batch;
    }

    private void ForwardWorker(int worker)
    {
        int k = Patch, p = Pixels, m = OutputChannels;
        fixed (float* col = _col[worker], product = _product[worker])
        {
            while (NextChunk(out int first, out int count))
            {
                if (k <= Gemm.SmallDepthLimit)
                {
                    // Short patches: each sample's product is written straight into the output, bias first, from B in place.
                    for (int j = 0; j < count; j++)
                    {
                        Im2Col(_input + (long)(first + j) * InputShape.Size, col, p);
                        Gemm.SmallDepth(_weights, k, 1, _weights + m * k, col, p, _output + (long)(first + j) * m * p, p, m, p, k);
                    }
                    continue;
                }
                int n = count * p;
                for (int j = 0; j < count; j++) Im2Col(_input + (long)(first + j) * InputShape.Size, col + j * p, n);
                Gemm.Multiply(new ReadOnlySpan<float>(_weights, m * k), false, new ReadOnlySpan<float>(col, k * n), false,
                    new Span<float>(product, m * n), m, n, k, maxThreads: 1);
                // product is channel-major over the chunk (o, sample, pixel); the output is (sample, o, pixel).
                for (int j = 0; j < count; j++)
                    for (int o = 0; o < m; o++)
                        AddBias(new ReadOnlySpan<float>(product + (long)o * n + j * p, p), _weights[m * k + o],
                            new Span<float>(_output + ((long)(first + j) * m + o) * p, p));
            }
        }
    }

    private void BackwardWorker(int worker)
    {
        int k = Patch, p = Pixels, m = OutputChannels, per = ParameterCount;
        fixed (float* col = _col[worker], dy = _product[worker], dcol = _dcol[worker], partials = _partials)
        {
            while (NextChunk(out int first, out int count))
            {
                int n = count * p;
                float* partial = partials + (long)(first / SamplesPerChunk) * per;
                for (int j = 0; j < count; j++)
                {
                    Im2Col(_input + (long)(first + j) * InputShape.Size, col + j * p, n);
                    for (int o = 0; o < m; o++)
                        new ReadOnlySpan<float>(_outputGradient + ((long)(first + j) * m + o) * p, p).CopyTo(new Span<float>(dy + (long)o * n + j * p, p));
                }
                Gemm.DotProducts(dy, col, partial, m, k, n);
                for (int o = 0; o < m; o++) partial[m * k + o] = Sum(new ReadOnlySpan<float>(dy + (long)o * n, n));
                if (_inputGradient == null) continue;
                if (m <= Gemm.SmallDepthLimit)
                {
                    // ∂col = Wᵀ·∂y per sample, reading W transposed through strides and ∂y in the batch's own layout.
                    for (int j = 0; j < count; j++)
                    {
                        Gemm.SmallDepth(_weights, 1, k, null, _outputGradient + (long)(first + j) * m * p, p, dcol, p, k, p, m);
                        Col2Im(dcol, p, _inputGradient + (long)(first + j) * InputShape.Size);
                    }
                    continue;
                }
                Gemm.Multiply(new ReadOnlySpan<float>(_weights, m * k), true, new ReadOnlySpan<float>(dy, m * n), false,
                    new Span<float>(dcol, k * n), k, n, m, maxThreads: 1);
                for (int j = 0; j < count; j++) Col2Im(dcol + j * p, n, _inputGradient + (long)(first + j) * InputShape.Size);
            }
        }
    }

    /// <summary>
    /// Unrolls one sample: col[(c·K + ky)·K + kx][oy·Wo + ox] = x[c, oy·S − P + ky, ox·S − P + kx], zero outside
    /// the image; row r of this sample's block starts at <c>col + r·rowStride</c>.
    /// </summary>
    private void Im2Col(float* x, float* col, int rowStride)
    {
        int h = InputShape.Height, w = InputShape.Width, ho = OutputShape.Height, wo = OutputShape.Width;
        bool sameWidth = Stride == 1 && wo == w;
        int row = 0;
        for (int c = 0; c < InputShape.Channels; c++)
            for (int ky = 0; ky < Kernel; ky++)
                for (int kx = 0; kx < Kernel; kx++, row++)
                {
                    float* dst = col + (long)row * rowStride;
                    float* plane = x + (long)c * h * w;
                    var (first, last) = InsideColumns(kx);
                    if (sameWidth)
                    {
                        // Output line oy is input line oy + ky − P shifted by kx − P: all inside lines are one block copy
                        // (clipped where it would leave the plane); only the few columns that wrapped to a neighbouring
                        // line are zeroed after. A few calls per row instead of several per line.
                        var (lo, hi) = InsideLines(ky);
                        int shift = kx - Padding, begin = Math.Max(0, -shift), end = (hi - lo) * w - Math.Max(0, shift);
                        Zero(dst, lo * wo);
                        if (end > begin)
                            new ReadOnlySpan<float>(plane + (lo + ky - Padding) * w + shift + begin, end - begin).CopyTo(new Span<float>(dst + lo * wo + begin, end - begin));
                        for (int oy = lo; oy < hi; oy++) ZeroEdges(dst + oy * wo, first, last, wo);
                        Zero(dst + hi * wo, (ho - hi) * wo);
                        continue;
                    }
                    for (int oy = 0; oy < ho; oy++, dst += wo)
                    {
                        int iy = oy * Stride - Padding + ky;
                        if ((uint)iy >= (uint)h)
                        {
                            Zero(dst, wo);
                            continue;
                        }
                        float* src = plane + iy * w - Padding + kx;
                        for (int ox = first; ox < last; ox++) dst[ox] = src[ox * Stride];
                        ZeroEdges(dst, first, last, wo);
                    }
                }
    }

    /// <summary>The output lines [lo, hi) whose input line oy·S − P + ky lies inside the image.</summary>
    private (int Lo, int Hi) InsideLines(int ky)
    {
        int ho = OutputShape.Height;
        int lo = Math.Min(ho, Math.Max(0, (Padding - ky + Stride - 1) / Stride));
        int high = InputShape.Height - 1 + Padding - ky;
        int hi = high < 0 ? 0 : Math.Min(ho, high / Stride + 1);
        return (lo, Math.Max(lo, hi));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ZeroEdges(float* line, int first, int last, int width)
    {
        for (int i = 0; i < first; i++) line[i] = 0f;
        for (int i = last; i < width; i++) line[i] = 0f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Zero(float* p, int count)
    {
        if (count > 16) new Span<float>(p, count).Clear();
        else for (int i = 0; i < count; i++) p[i] = 0f;
    }

    /// <summary>The output columns [first, last) whose input column ox·S − P + kx lies inside the image.</summary>
    private (int First, int Last) InsideColumns(int kx)
    {
        int wo = OutputShape.Width;
        int first = Math.Min(wo, Math.Max(0, (Padding - kx + Stride - 1) / Stride));
        // Integer division truncates towards zero, so a negative bound (the window starts right of the image) is handled apart.
        int high = InputShape.Width - 1 + Padding - kx;
        int last = high < 0 ? 0 : Math.Min(wo, high / Stride + 1);
        return (first, Math.Max(first, last));
    }

    /// <summary>The adjoint of <see cref="Im2Col"/>: overwrites dx with the sum of every column entry that read each pixel.</summary>
    private void Col2Im(float* col, int rowStride, float* dx)
    {
        int h = InputShape.Height, w = InputShape.Width, ho = OutputShape.Height, wo = OutputShape.Width;
        bool sameWidth = Stride == 1 && wo == w;
        new Span<float>(dx, InputShape.Size).Clear();
        int row = 0;
        for (int c = 0; c < InputShape.Channels; c++)
            for (int ky = 0; ky < Kernel; ky++)
                for (int kx = 0; kx < Kernel; kx++, row++)
                {
                    float* src = col + (long)row * rowStride;
                    float* plane = dx + (long)c * h * w;
                    var (first, last) = InsideColumns(kx);
                    if (sameWidth)
                    {
                        // As in Im2Col, one block per row: the wrapped columns (scratch here) are zeroed first, so the block
                        // adds nothing to the neighbouring lines they overlap.
                        var (lo, hi) = InsideLines(ky);
                        int shift = kx - Padding, begin = Math.Max(0, -shift), end = (hi - lo) * w - Math.Max(0, shift);
                        for (int oy = lo; oy < hi; oy++) ZeroEdges(src + oy * wo, first, last, wo);
                        if (end > begin)
                            AddTo(new ReadOnlySpan<float>(src + lo * wo + begin, end - begin), new Span<float>(plane + (lo + ky - Padding) * w + shift + begin, end - begin));
                        continue;
                    }
                    for (int oy = 0; oy < ho; oy++, src += wo)
                    {
                        int iy = oy * Stride - Padding + ky;
                        if ((uint)iy >= (uint)h) continue;
                        float* dst = plane + iy * w - Padding + kx;
                        for (int ox = first; ox < last; ox++) dst[ox * Stride] += src[ox];
                    }
                }
    }

    /// <summary>y = x + b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddBias(ReadOnlySpan<float> x, float b, Span<float> y)
    {
        var xv = MemoryMarshal.Cast<float, Vector<float>>(x);
        var yv = MemoryMarshal.Cast<float, Vector<float>>(y);
        var bv = new Vector<float>(b);
        for (int i = 0; i < xv.Length; i++) yv[i] = xv[i] + bv;
        for (int i = xv.Length * Vector<float>.Count; i < x.Length; i++) y[i] = x[i] + b;
    }

    /// <summary>y += x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTo(ReadOnlySpan<float> x, Span<float> y)
    {
        var xv = MemoryMarshal.Cast<float, Vector<float>>(x);
        var yv = MemoryMarshal.Cast<float, Vector<float>>(y);
        for (int i = 0; i < xv.Length; i++) yv[i] += xv[i];
        for (int i = xv.Length * Vector<float>.Count; i < x.Length; i++) y[i] += x[i];
    }

    /// <summary>Σ x in a fixed order (lane sums, then lanes in order, then the tail).</summary>
    private static float Sum(ReadOnlySpan<float> x)
    {
        var xv = MemoryMarshal.Cast<float, Vector<float>>(x);
        var acc = Vector<float>.Zero;
        foreach (var v in xv) acc += v;
        float sum = 0f;
        for (int i = 0; i < Vector<float>.Count; i++) sum += acc[i];
        for (int i = xv.Length * Vector<float>.Count; i < x.Length; i++) sum += x[i];
        return sum;
    }
}
