using Descent.Training.Networks;

namespace Descent.Training.Tests;

/// <summary>
/// The batched im2col/GEMM convolution against the definition, written out as nested loops in double:
/// y[s,o,oy,ox] = b[o] + Σ w[o,c,ky,kx]·x[s,c,oy·S−P+ky,ox·S−P+kx], and its three adjoints.
/// </summary>
public class Conv2DTests
{
    private sealed record Case(int Batch, int InChannels, int Height, int Width, int OutChannels, int Kernel, int Stride, int Padding)
    {
        public int OutHeight => (Height + 2 * Padding - Kernel) / Stride + 1;
        public int OutWidth => (Width + 2 * Padding - Kernel) / Stride + 1;
    }

    private static float[] Uniform(int n, DeterministicRandom random)
    {
        var x = new float[n];
        for (int i = 0; i < n; i++) x[i] = random.NextSymmetric(1f);
        return x;
    }

    /// <summary>Random shapes the layer accepts: kernels 1–5, strides 1–3, paddings 0–2, and batches past one chunk.</summary>
    private static IEnumerable<Case> Cases()
    {
        var random = new DeterministicRandom(2024);
        int made = 0;
        while (made < 40)
        {
            int kernel = 1 + random.NextInt32(5), stride = 1 + random.NextInt32(3), padding = random.NextInt32(3);
            int height = 1 + random.NextInt32(9), width = 1 + random.NextInt32(9);
            if (height + 2 * padding < kernel || width + 2 * padding < kernel) continue;
            // Every fourth case spans several chunks (small shapes put 32 samples in a chunk), with a partial last one.
            int batch = made % 4 == 3 ? 33 + random.NextInt32(40) : 1 + random.NextInt32(4);
            made++;
            yield return new Case(batch, 1 + random.NextInt32(3), height, width, 1 + random.NextInt32(5), kernel, stride, padding);
        }
        // The model's own layers (cnn: 1→8 on 28×28, 8→16 on 14×14), batch across chunk boundaries.
        yield return new Case(11, 1, 28, 28, 8, 3, 1, 1);
        yield return new Case(9, 8, 14, 14, 16, 3, 1, 1);
        // Patches and filter counts past Gemm.SmallDepthLimit take the packed GEMM for all three products.
        yield return new Case(3, 16, 5, 6, 130, 3, 1, 1);
        yield return new Case(2, 15, 7, 7, 129, 3, 2, 0);
    }

    [Fact]
    public void ForwardAndBackward_RandomShapes_MatchNaiveConvolution()
    {
        var random = new DeterministicRandom(7);
        foreach (var t in Cases())
        {
            var conv = new Conv2D(t.OutChannels, t.Kernel, t.Stride, t.Padding);
            conv.Build(new Shape(t.InChannels, t.Height, t.Width));
            Assert.Equal(new Shape(t.OutChannels, t.OutHeight, t.OutWidth), conv.OutputShape);
            int inSize = t.InChannels * t.Height * t.Width, outSize = t.OutChannels * t.OutHeight * t.OutWidth;
            int patch = t.InChannels * t.Kernel * t.Kernel;
            var p = Uniform(conv.ParameterCount, random);
            var x = Uniform(t.Batch * inSize, random);
            var dy = Uniform(t.Batch * outSize, random);
            var y = new float[t.Batch * outSize];
            var dp = new float[conv.ParameterCount];
            var dx = new float[t.Batch * inSize];
            Array.Fill(y, float.NaN);
            Array.Fill(dp, float.NaN);
            Array.Fill(dx, float.NaN);
            conv.Forward(p, x, y, t.Batch, training: true);
            conv.Backward(p, x, y, dy, dp, dx, t.Batch);

            var wantY = new double[y.Length];
            var scaleY = new double[y.Length];
            var wantDp = new double[dp.Length];
            var scaleDp = new double[dp.Length];
            var wantDx = new double[dx.Length];
            var scaleDx = new double[dx.Length];
            for (int s = 0; s < t.Batch; s++)
                for (int o = 0; o < t.OutChannels; o++)
                    for (int oy = 0; oy < t.OutHeight; oy++)
                        for (int ox = 0; ox < t.OutWidth; ox++)
                        {
                            int yi = ((s * t.OutChannels + o) * t.OutHeight + oy) * t.OutWidth + ox;
                            double g = dy[yi];
                            int bi = t.OutChannels * patch + o;
                            wantY[yi] += p[bi];
                            scaleY[yi] += Math.Abs(p[bi]);
                            wantDp[bi] += g;
                            scaleDp[bi] += Math.Abs(g);
                            for (int c = 0; c < t.InChannels; c++)
                                for (int ky = 0; ky < t.Kernel; ky++)
                                    for (int kx = 0; kx < t.Kernel; kx++)
                                    {
                                        int iy = oy * t.Stride - t.Padding + ky, ix = ox * t.Stride - t.Padding + kx;
                                        if (iy < 0 || iy >= t.Height || ix < 0 || ix >= t.Width) continue;
                                        int wi = o * patch + (c * t.Kernel + ky) * t.Kernel + kx;
                                        int xi = ((s * t.InChannels + c) * t.Height + iy) * t.Width + ix;
                                        wantY[yi] += (double)p[wi] * x[xi];
                                        scaleY[yi] += Math.Abs((double)p[wi] * x[xi]);
                                        wantDp[wi] += g * x[xi];
                                        scaleDp[wi] += Math.Abs(g * x[xi]);
                                        wantDx[xi] += g * p[wi];
                                        scaleDx[xi] += Math.Abs(g * p[wi]);
                                    }
                        }
            AssertClose(wantY, scaleY, y, $"{t} output");
            AssertClose(wantDp, scaleDp, dp, $"{t} parameter gradient");
            AssertClose(wantDx, scaleDx, dx, $"{t} input gradient");
        }
    }

    /// <summary>
    /// Float32 sums of products: each rounding is at most 2⁻²⁴ of a partial sum, and a partial sum is at most
    /// the sum of the terms' magnitudes, so the error is below (terms)·2⁻²⁴·Σ|term|; 1e-5·Σ|term| allows ~170 terms'
    /// worth of worst case, more than the GEMM's blocked order ever accumulates here (at most a few thousand terms,
    /// whose errors grow like the square root of their count).
    /// </summary>
    private static void AssertClose(double[] want, double[] scale, float[] actual, string what)
    {
        for (int i = 0; i < want.Length; i++)
        {
            double tolerance = 1e-5 * scale[i] + 1e-7;
            Assert.True(Math.Abs(actual[i] - want[i]) <= tolerance, $"{what} {i}: got {actual[i]}, naive {want[i]} (±{tolerance:G3})");
        }
    }

    [Fact]
    public void Backward_WithoutInputGradient_WritesParameterGradientOnly()
    {
        // The first layer of a network gets no ∂x buffer; the parameter gradient must not change.
        var random = new DeterministicRandom(9);
        var conv = new Conv2D(4, 3, 1, 1);
        conv.Build(new Shape(2, 6, 6));
        var p = Uniform(conv.ParameterCount, random);
        var x = Uniform(40 * 72, random);
        var dy = Uniform(40 * conv.OutputShape.Size, random);
        var y = new float[dy.Length];
        conv.Forward(p, x, y, 40, training: true);
        var with = new float[conv.ParameterCount];
        var without = new float[conv.ParameterCount];
        conv.Backward(p, x, y, dy, with, new float[x.Length], 40);
        conv.Backward(p, x, y, dy, without, [], 40);
        Assert.Equal(with, without);
    }

    [Theory]
    [InlineData(3, 1, 1, 128)]
    [InlineData(3, 2, 0, 70)]
    [InlineData(5, 1, 2, 33)]
    public void ForwardBackward_OneOrTwoOrFiveThreads_SameBits(int kernel, int stride, int padding, int batch)
    {
        // Large enough to run in parallel (batch × 16 × 72 × pixels well above the GEMM's threshold).
        var random = new DeterministicRandom(11);
        var input = new Shape(8, 14, 14);
        var x = Uniform(batch * input.Size, random);
        float[]? parameters = null, dy = null;
        (float[] Y, float[] Dp, float[] Dx)? reference = null;
        foreach (int threads in new[] { 1, 2, 5 })
        {
            var conv = new Conv2D(16, kernel, stride, padding) { MaxThreads = threads };
            conv.Build(input);
            parameters ??= Uniform(conv.ParameterCount, random);
            dy ??= Uniform(batch * conv.OutputShape.Size, random);
            var y = new float[batch * conv.OutputShape.Size];
            var dp = new float[conv.ParameterCount];
            var dx = new float[x.Length];
            conv.Forward(parameters, x, y, batch, training: true);
            conv.Backward(parameters, x, y, dy, dp, dx, batch);
            Assert.True(batch > conv.SamplesPerChunk, "the batch must span several chunks for threads to share it");
            if (reference is not { } r) reference = (y, dp, dx);
            else
            {
                Assert.Equal(r.Y, y);
                Assert.Equal(r.Dp, dp);
                Assert.Equal(r.Dx, dx);
            }
        }
    }

    [Fact]
    public void CnnTraining_OneOrTwoThreads_SameBits()
    {
        var random = new DeterministicRandom(13);
        var x = new float[128 * 784];
        for (int i = 0; i < x.Length; i++) x[i] = random.NextSingle();
        var labels = new byte[128];
        for (int i = 0; i < labels.Length; i++) labels[i] = (byte)random.NextInt32(10);
        float[]? reference = null;
        double referenceLoss = 0;
        foreach (int threads in new[] { 1, 2 })
        {
            var network = ModelCatalog.Create("cnn", new Shape(1, 28, 28), 10);
            foreach (var conv in network.Layers.OfType<Conv2D>()) conv.MaxThreads = threads;
            network.Initialize(5);
            double loss = network.ComputeGradients(x, labels, 128);
            if (reference is null)
            {
                reference = (float[])network.Gradients.Clone();
                referenceLoss = loss;
            }
            else
            {
                Assert.Equal(referenceLoss, loss);
                Assert.Equal(reference, network.Gradients);
            }
        }
    }
}
