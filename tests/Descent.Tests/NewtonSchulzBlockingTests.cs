using Descent.Tensors;

namespace Descent.Tests;

/// <summary>
/// The blocked, vectorized, threaded Newton–Schulz against a plain scalar transcription of 1.13's rounding (the shared
/// reference README's muon section, widened from one row to a matrix as the kernel comments describe): every bit equal,
/// whatever the thread count, on shapes whose rows and columns leave partial tiles and registers.
/// </summary>
public sealed class NewtonSchulzBlockingTests
{
    private const double A = 3.4445, B = -4.7750, C = 2.0315;

    [Theory]
    [InlineData(96, 300, 1)]
    [InlineData(96, 300, 2)]
    [InlineData(300, 96, 1)]
    [InlineData(300, 96, 2)]
    [InlineData(50, 301, 2)]
    [InlineData(301, 50, 2)]
    [InlineData(7, 45, 1)]
    public void Run_LargerShapes_SameBitsAsTheScalarReference(int rows, int cols, int threads)
    {
        var g = new float[rows * cols];
        for (int i = 0; i < g.Length; i++) g[i] = MathF.Sin(0.731f * i + 0.2f) * (1 + i % 5) + 0.01f * MathF.Cos(3.1f * i);
        var expected = Reference(g, rows, cols, 5, 1e-7);
        var actual = new float[g.Length];
        new NewtonSchulz(rows, cols) { MaxThreads = threads }.Run(g, false, 5, 1e-7, actual);
        for (int i = 0; i < g.Length; i++)
            Assert.True(BitConverter.SingleToUInt32Bits(expected[i]) == BitConverter.SingleToUInt32Bits(actual[i]),
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }

    private static float Bf(float x) => BFloat16Rounding.Round(x);

    /// <summary>1.13's <c>addmm</c> on bfloat16: s = bf(β·C), then s = bf(s + bf(P[i,l]·Q[l,j])) for l = 0, 1, … in turn.</summary>
    private static float[] AddMm(float[] c, float beta, float[] p, float[] q, int m, int n, int k)
    {
        var o = new float[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                float s = Bf(beta * c[i * n + j]);
                for (int l = 0; l < k; l++) s = Bf(s + Bf(p[i * k + l] * q[l * n + j]));
                o[i * n + j] = s;
            }
        return o;
    }

    private static float[] Reference(float[] g, int rows, int cols, int steps, double eps)
    {
        bool tall = rows > cols;
        int r = Math.Min(rows, cols), n = Math.Max(rows, cols);
        var x = new float[r * n];
        float sum = 0;
        for (int i = 0; i < r; i++)
            for (int j = 0; j < n; j++)
            {
                float v = Bf(tall ? g[j * cols + i] : g[i * cols + j]);
                x[i * n + j] = v;
                sum += v * v;
            }
        float norm = Math.Max(Bf(MathF.Sqrt(sum)), BFloat16Rounding.Round(eps));
        for (int i = 0; i < x.Length; i++) x[i] = Bf(x[i] / norm);
        float a = Bf((float)A), b = Bf((float)B), c = (float)C;
        for (int step = 0; step < steps; step++)
        {
            bool strided = tall && step == 0;
            var xt = new float[n * r];
            for (int i = 0; i < r; i++)
                for (int j = 0; j < n; j++) xt[j * r + i] = x[i * n + j];
            // The Gram matrix: on the strided view accumulated in bfloat16 from zero, else the float32 GEMM rounded once.
            float[] gram;
            if (strided) gram = AddMm(new float[r * r], 0f, x, xt, r, r, n);
            else
            {
                gram = new float[r * r];
                Gemm.Multiply(x, false, x, true, gram, r, r, n, maxThreads: 1);
                for (int i = 0; i < gram.Length; i++) gram[i] = Bf(gram[i]);
            }
            var scaled = gram.Select(v => v * c).ToArray();
            var u = AddMm(gram, b, gram, scaled, r, r, r);
            if (strided)
            {
                var s = new float[r * n];
                Gemm.Multiply(u, false, x, false, s, r, n, r, maxThreads: 1);
                for (int i = 0; i < s.Length; i++) s[i] = Bf((float)A * x[i] + s[i]);
                x = s;
            }
            else x = AddMm(x, a, u, x, r, n, r);
        }
        var result = new float[rows * cols];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < n; j++) result[tall ? j * cols + i : i * cols + j] = x[i * n + j];
        return result;
    }
}
