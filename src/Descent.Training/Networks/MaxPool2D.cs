using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
            long inputs = (long)planes * h * w, outputs = (long)planes * ho * wo;
            for (int plane = 0; plane < planes; plane++)
            {
                int inBase = plane * h * w, outBase = plane * ho * wo;
                for (int oy = 0; oy < ho; oy++)
                {
                    int row = inBase + 2 * oy * w, outRow = outBase + oy * wo;
                    int ox = 0;
                    if (Avx2.IsSupported)
                    {
                        // Eight windows per step. A last group that would pass the row's end starts 8 windows back
                        // (recomputing a few), or on rows shorter than 8 windows spills into the next row's slots,
                        // which that row overwrites later; only the batch's last row has no such room.
                        for (; ox < wo; ox += 8)
                        {
                            int start = ox + 8 <= wo ? ox : wo >= 8 ? wo - 8 : ox;
                            if (outRow + start + 8 > outputs || row + 2 * start + w + 16 > inputs) break;
                            Pool8(x, row + 2 * start, w, y + outRow + start, training ? argmax + outRow + start : null);
                        }
                    }
                    for (; ox < wo; ox++)
                    {
                        // The first maximum in the order top-left, top-right, bottom-left, bottom-right.
                        int i0 = row + 2 * ox;
                        int best = i0;
                        float value = x[i0];
                        if (x[i0 + 1] > value) { best = i0 + 1; value = x[best]; }
                        if (x[i0 + w] > value) { best = i0 + w; value = x[best]; }
                        if (x[i0 + w + 1] > value) { best = i0 + w + 1; value = x[best]; }
                        y[outRow + ox] = value;
                        if (training) argmax[outRow + ox] = best;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Eight adjacent windows whose top-left inputs are x[i0], x[i0 + 2]…: the same first maximum as the scalar
    /// loop, without its unpredictable branches (on random data they cost more than the rest of the layer).
    /// </summary>
    private static unsafe void Pool8(float* x, int i0, int w, float* y, int* argmax)
    {
        var (tl, tr) = Deinterleave(x + i0);
        var (bl, br) = Deinterleave(x + i0 + w);
        var value = tl;
        var offset = Vector256<float>.Zero;
        var take = Avx.CompareGreaterThan(tr, value);
        value = Avx.BlendVariable(value, tr, take);
        offset = Avx.BlendVariable(offset, Vector256.Create(1).AsSingle(), take);
        take = Avx.CompareGreaterThan(bl, value);
        value = Avx.BlendVariable(value, bl, take);
        offset = Avx.BlendVariable(offset, Vector256.Create(w).AsSingle(), take);
        take = Avx.CompareGreaterThan(br, value);
        value = Avx.BlendVariable(value, br, take);
        offset = Avx.BlendVariable(offset, Vector256.Create(w + 1).AsSingle(), take);
        Avx.Store(y, value);
        if (argmax != null) Avx.Store(argmax, Vector256.Create(i0) + Vector256.Create(0, 2, 4, 6, 8, 10, 12, 14) + offset.AsInt32());
    }

    /// <summary>The even- and odd-indexed of 16 consecutive floats, in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe (Vector256<float> Even, Vector256<float> Odd) Deinterleave(float* p)
    {
        var a = Avx.LoadVector256(p);
        var b = Avx.LoadVector256(p + 8);
        // Shuffle works within 128-bit halves: [a0 a2 b0 b2 | a4 a6 b4 b6]; the 64-bit permute puts the pairs in order.
        var even = Avx2.Permute4x64(Avx.Shuffle(a, b, 0b10_00_10_00).AsDouble(), 0b11_01_10_00).AsSingle();
        var odd = Avx2.Permute4x64(Avx.Shuffle(a, b, 0b11_01_11_01).AsDouble(), 0b11_01_10_00).AsSingle();
        return (even, odd);
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
