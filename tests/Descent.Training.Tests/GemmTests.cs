using Descent.Tensors;

namespace Descent.Training.Tests;

public class GemmTests
{
    /// <summary>The textbook triple loop in double precision: the independent reference.</summary>
    private static double[] Naive(float[] a, bool ta, float[] b, bool tb, int m, int n, int k)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++)
                    s += (double)(ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                c[i * n + j] = s;
            }
        return c;
    }

    private static float[] Random(int length, int seed)
    {
        var r = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < length; i++) x[i] = (float)(r.NextDouble() * 2 - 1);
        return x;
    }

    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        int[][] shapes =
        [
            [0, 0, 0], [0, 5, 3], [4, 0, 3], [3, 4, 0], [1, 1, 1], [1, 7, 1], [7, 1, 5], [2, 3, 4], [5, 5, 5],
            [6, 16, 9], [8, 32, 17], [9, 33, 31], [13, 47, 29], [31, 65, 70], [64, 64, 64], [65, 97, 255],
            [129, 17, 257], [17, 530, 300], [130, 515, 520], [3, 1030, 11], [200, 10, 784], [128, 256, 784],
        ];
        foreach (var s in shapes) data.Add(s[0], s[1], s[2]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_AllTranspositions_MatchNaiveTripleLoop(int m, int n, int k)
    {
        foreach (bool ta in new[] { false, true })
            foreach (bool tb in new[] { false, true })
                foreach (bool accumulate in new[] { false, true })
                {
                    var a = Random(m * k, 1 + m);
                    var b = Random(k * n, 2 + n);
                    var c0 = Random(m * n + 3, 3 + k);
                    var want = Naive(a, ta, b, tb, m, n, k);
                    foreach (bool wide in Gemm.Wide ? new[] { true, false } : new[] { false })
                    {
                        var c = (float[])c0.Clone();
                        Gemm.Multiply(a, ta, b, tb, c, m, n, k, accumulate, 0, wide);
                        for (int i = 0; i < m * n; i++)
                        {
                            double expected = want[i] + (accumulate ? c0[i] : 0);
                            // float32 products summed k times: error grows like sqrt(k)·eps·|terms| at worst k·eps.
                            double tolerance = 1e-6 * (k + 1) + 1e-6 * Math.Abs(expected);
                            Assert.True(Math.Abs(c[i] - expected) <= tolerance,
                                $"m={m} n={n} k={k} ta={ta} tb={tb} acc={accumulate} wide={wide} i={i}: {c[i]} vs {expected}");
                        }
                        for (int i = m * n; i < c.Length; i++) Assert.Equal(c0[i], c[i]);
                    }
                }
    }

    [Fact]
    public void Multiply_OneThreadOrMany_SameBits()
    {
        int m = 300, n = 270, k = 600;
        var a = Random(m * k, 5);
        var b = Random(k * n, 6);
        var one = new float[m * n];
        var many = new float[m * n];
        Gemm.Multiply(a, false, b, true, one, m, n, k, maxThreads: 1);
        Gemm.Multiply(a, false, b, true, many, m, n, k, maxThreads: 8);
        Assert.Equal(one, many);
    }

    [Avx512Fact]
    public void Multiply_Avx512OrAvx2Kernel_SameBits()
    {
        // Both kernels sum every element in the same order (k ascending, blocks of KC), with the same FMAs.
        int m = 77, n = 301, k = 530;
        var a = Random(m * k, 7);
        var b = Random(k * n, 8);
        var wide = new float[m * n];
        var narrow = new float[m * n];
        Gemm.Multiply(a, true, b, false, wide, m, n, k, false, 0, wide: true);
        Gemm.Multiply(a, true, b, false, narrow, m, n, k, false, 0, wide: false);
        Assert.Equal(wide, narrow);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(4, 3, 8)]
    [InlineData(5, 4, 7)]
    [InlineData(8, 9, 7056)]
    [InlineData(16, 72, 784)]
    [InlineData(7, 11, 33)]
    public void DotProducts_ShapesWithTails_MatchNaiveTripleLoop(int m, int n, int k)
    {
        var a = Random(m * k, 11 + m);
        var b = Random(n * k, 12 + n);
        var c = Random(m * n + 2, 13);
        float guard0 = c[m * n], guard1 = c[m * n + 1];
        var want = Naive(a, false, b, true, m, n, k);
        Gemm.DotProducts(a, b, c, m, n, k);
        for (int i = 0; i < m * n; i++)
        {
            double tolerance = 1e-6 * (k + 1) + 1e-6 * Math.Abs(want[i]);
            Assert.True(Math.Abs(c[i] - want[i]) <= tolerance, $"m={m} n={n} k={k} i={i}: {c[i]} vs {want[i]}");
        }
        Assert.Equal(guard0, c[m * n]);
        Assert.Equal(guard1, c[m * n + 1]);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(4, 16, 9)]
    [InlineData(8, 784, 9)]
    [InlineData(16, 196, 72)]
    [InlineData(72, 196, 16)]
    [InlineData(7, 29, 5)]
    public void SmallDepth_StridedAAndBias_MatchNaiveTripleLoop(int m, int n, int k)
    {
        // A read transposed (stored k×m) and B's rows three columns wider than used, C's rows two wider.
        int ldb = n + 3, ldc = n + 2;
        var a = Random(m * k, 21 + m);
        var b = Random(k * ldb, 22 + n);
        var bias = Random(m, 23);
        var c = Random(m * ldc, 24);
        var before = (float[])c.Clone();
        Gemm.SmallDepth(a, 1, m, bias, b, ldb, c, ldc, m, n, k);
        for (int i = 0; i < m; i++)
            for (int q = 0; q < ldc; q++)
            {
                if (q >= n)
                {
                    Assert.Equal(before[i * ldc + q], c[i * ldc + q]);
                    continue;
                }
                double want = bias[i];
                for (int p = 0; p < k; p++) want += (double)a[p * m + i] * b[p * ldb + q];
                double tolerance = 1e-6 * (k + 1) + 1e-6 * Math.Abs(want);
                Assert.True(Math.Abs(c[i * ldc + q] - want) <= tolerance, $"m={m} n={n} k={k} [{i},{q}]: {c[i * ldc + q]} vs {want}");
            }
    }

    /// <summary>
    /// The summation every element of C must follow, bit for bit, written as plainly as possible: for each depth block of
    /// <see cref="Gemm.KC"/> (k ascending), one fused multiply-add chain started at zero, then the block's sum stored into
    /// C (the first block when not accumulating) or added to it. The training runs the gallery quotes depend on these bits.
    /// </summary>
    private static float[] BlockedFmaReference(float[] a, bool ta, float[] b, bool tb, float[] c0, int m, int n, int k, bool accumulate)
    {
        var c = (float[])c0.Clone();
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                float acc = c[i * n + j];
                for (int p0 = 0; p0 < k; p0 += Gemm.KC)
                {
                    float s = 0f;
                    for (int p = p0; p < Math.Min(k, p0 + Gemm.KC); p++)
                        s = MathF.FusedMultiplyAdd(ta ? a[p * m + i] : a[i * k + p], tb ? b[j * k + p] : b[p * n + j], s);
                    acc = p0 == 0 && !accumulate ? s : acc + s;
                }
                c[i * n + j] = acc;
            }
        return c;
    }

    public static TheoryData<int, int, int> ChunkShapes()
    {
        // Past the parallel threshold, with partial tiles at every edge: a batch against a wide layer (column chunks),
        // tall products (row chunks), a narrow product whose transposed A is read in place (n ≤ 32) and one just wider,
        // depths that end just past a block of KC.
        var data = new TheoryData<int, int, int>();
        int[][] shapes = [[131, 1003, 37], [37, 700, 300], [301, 45, 530], [1001, 10, 129], [999, 33, 128], [130, 257, 785], [7, 2000, 257]];
        foreach (var s in shapes) data.Add(s[0], s[1], s[2]);
        return data;
    }

    [Theory]
    [MemberData(nameof(ChunkShapes))]
    public void Multiply_AnyChunkingThreadsOrKernel_SameBitsAsBlockedFmaReference(int m, int n, int k)
    {
        bool? saved = Gemm.ColumnChunks;
        try
        {
            foreach (bool ta in new[] { false, true })
                foreach (bool tb in new[] { false, true })
                    foreach (bool accumulate in new[] { false, true })
                    {
                        var a = Random(m * k, 31 + m);
                        var b = Random(k * n, 32 + n);
                        var c0 = Random(m * n, 33 + k);
                        var want = BlockedFmaReference(a, ta, b, tb, c0, m, n, k, accumulate);
                        foreach (bool? columns in new bool?[] { null, true, false })
                            foreach (int threads in new[] { 1, 2 })
                                foreach (bool wide in Gemm.Wide ? new[] { true, false } : new[] { false })
                                {
                                    Gemm.ColumnChunks = columns;
                                    var c = (float[])c0.Clone();
                                    Gemm.Multiply(a, ta, b, tb, c, m, n, k, accumulate, threads, wide);
                                    int bad = -1;
                                    for (int i = 0; i < c.Length && bad < 0; i++)
                                        if (BitConverter.SingleToInt32Bits(c[i]) != BitConverter.SingleToInt32Bits(want[i])) bad = i;
                                    Assert.True(bad < 0, $"m={m} n={n} k={k} ta={ta} tb={tb} acc={accumulate} columns={columns} threads={threads} wide={wide}: " +
                                        $"element {bad} is {(bad < 0 ? 0 : c[bad]):R}, the reference {(bad < 0 ? 0 : want[bad]):R}");
                                }
                    }
        }
        finally
        {
            Gemm.ColumnChunks = saved;
        }
    }
}
