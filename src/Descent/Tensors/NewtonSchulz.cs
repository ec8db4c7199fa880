using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Descent.Tensors;

/// <summary>
/// Muon's quintic Newton–Schulz orthogonalization (Jordan et al. 2024) of a <c>rows × cols</c> matrix in
/// bfloat16, with the rounding of PyTorch 1.13's CPU kernels, on which the reference numbers were computed.
/// Upstream (<c>torch.optim.Muon</c>, <c>_zeropower_via_newtonschulz</c>):
/// <code>
/// X = G.bfloat16(); X = Xᵀ if rows &gt; cols        (the wide side first, r = min(rows, cols))
/// X /= max(‖X‖, eps)
/// k times:  A = X·Xᵀ ;  B = b·A + c·A·A ;  X = a·X + B·X     (a, b, c) = (3.4445, −4.7750, 2.0315)
/// </code>
/// Every product and sum runs in float32 and is rounded to bfloat16 (<see cref="BFloat16Rounding"/>) where
/// 1.13's kernels store it, found by comparing these formulas with torch 1.13 bit for bit on many shapes:
/// <list type="bullet">
/// <item><c>A = X·Xᵀ</c>: float32 dot products rounded once (the project's <see cref="Gemm"/>, an fma chain whose
/// products of bfloat16 values are exact).</item>
/// <item><c>addmm(C, P, Q, β, α)</c> (both <c>B</c> and <c>X</c>): <c>s = bf(bf(β)·C)</c>, then for each <c>l</c> in
/// turn <c>s = bf(s + bf(P[i,l]·(Q[l,j]·α)))</c>: 1.13's bfloat16 GEMM keeps its accumulator in bfloat16.</item>
/// <item>For a tall matrix upstream's <c>Xᵀ</c> is a strided view, and the first iteration takes other kernels:
/// <c>A</c> accumulated in bfloat16 like an addmm from zero, and <c>X = bf(β·X + Σ U·X)</c> with a float32 sum
/// (the GEMM) and an unrounded β. Its result is contiguous, so later iterations are the wide ones.</item>
/// </list>
/// With one row (a trajectory's 1×2 matrix) every sum has one term and these are exactly the shared
/// reference README's rounding points. Rows are independent, so the addmm kernel runs rows in parallel
/// with the same bits.
/// </summary>
public sealed class NewtonSchulz
{
    private const double A = 3.4445, B = -4.7750, Cc = 2.0315;
    private readonly float[] _x, _next, _gram, _update, _scaled, _transposed;
    private readonly int _r, _n;

    /// <summary>Work buffers for a <paramref name="rows"/> × <paramref name="columns"/> matrix.</summary>
    public NewtonSchulz(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        Rows = rows;
        Columns = columns;
        _r = Math.Min(rows, columns);
        _n = Math.Max(rows, columns);
        _x = new float[_r * _n];
        _next = new float[_r * _n];
        _gram = new float[_r * _r];
        _update = new float[_r * _r];
        _scaled = new float[_r * _r];
        _transposed = rows > columns ? new float[_r * _n] : [];
    }

    /// <summary>Rows of the matrix.</summary>
    public int Rows { get; }

    /// <summary>Columns of the matrix.</summary>
    public int Columns { get; }

    /// <summary>
    /// Orthogonalizes <paramref name="g"/> (the matrix in float32, row-major, or column-major when
    /// <paramref name="columnMajor"/>) into <paramref name="result"/> (bfloat16 values, same layout).
    /// </summary>
    /// <param name="g">The matrix, <see cref="Rows"/>·<see cref="Columns"/> values.</param>
    /// <param name="columnMajor">Whether both buffers hold the matrix column by column.</param>
    /// <param name="steps">Newton–Schulz iterations (<c>ns_steps</c>).</param>
    /// <param name="eps">The floor of the norm the matrix is divided by first.</param>
    /// <param name="result">The orthogonalized matrix.</param>
    public void Run(ReadOnlySpan<float> g, bool columnMajor, int steps, double eps, Span<float> result)
    {
        int rows = Rows, cols = Columns, r = _r, n = _n;
        if (g.Length != rows * cols) throw new ArgumentException($"Expected {rows * cols} values, got {g.Length}.", nameof(g));
        if (result.Length != rows * cols) throw new ArgumentException($"Expected {rows * cols} values, got {result.Length}.", nameof(result));
        bool tall = rows > cols;
        // X[i, j] is the wide matrix: G, or Gᵀ when tall; G[u, v] sits at u·cols + v, or u + v·rows column-major.
        float sum = 0;
        for (int i = 0; i < r; i++)
            for (int j = 0; j < n; j++)
            {
                int u = tall ? j : i, v = tall ? i : j;
                float x = BFloat16Rounding.Round(g[columnMajor ? u + v * rows : u * cols + v]);
                _x[i * n + j] = x;
                sum += x * x;
            }
        float norm = Math.Max(BFloat16Rounding.Round(MathF.Sqrt(sum)), BFloat16Rounding.Round(eps));
        for (int i = 0; i < _x.Length; i++) _x[i] = BFloat16Rounding.Round(_x[i] / norm);

        float a = BFloat16Rounding.Round((float)A), b = BFloat16Rounding.Round((float)B), c = (float)Cc;
        float[] x0 = _x, x1 = _next;
        for (int step = 0; step < steps; step++)
        {
            bool strided = tall && step == 0;
            if (strided)
            {
                for (int i = 0; i < r; i++)
                    for (int j = 0; j < n; j++) _transposed[j * r + i] = x0[i * n + j];
                Array.Clear(_gram);
                AddMm(_gram, 0f, x0, _transposed, r, r, n, _gram);
            }
            else if (r == 1) _gram[0] = BFloat16Rounding.Round(SquaredNorm(x0));
            else
            {
                Gemm.Multiply(x0, false, x0, true, _gram, r, r, n);
                for (int i = 0; i < _gram.Length; i++) _gram[i] = BFloat16Rounding.Round(_gram[i]);
            }
            for (int i = 0; i < _gram.Length; i++) _scaled[i] = _gram[i] * c;
            AddMm(_gram, b, _gram, _scaled, r, r, r, _update);
            if (strided)
            {
                Gemm.Multiply(_update, false, x0, false, x1, r, n, r);
                float beta = (float)A;
                for (int i = 0; i < x1.Length; i++) x1[i] = BFloat16Rounding.Round(beta * x0[i] + x1[i]);
            }
            else AddMm(x0, a, _update, x0, r, n, r, x1);
            (x0, x1) = (x1, x0);
        }
        for (int i = 0; i < r; i++)
            for (int j = 0; j < n; j++)
            {
                int u = tall ? j : i, v = tall ? i : j;
                result[columnMajor ? u + v * rows : u * cols + v] = x0[i * n + j];
            }
    }

    /// <summary>
    /// <c>x·x</c> as the GEMM sums a 1×1 product (fused multiply-add chains from zero over blocks of
    /// <see cref="Gemm.KC"/>, each block's sum added in turn), without packing a long row into panels.
    /// </summary>
    internal static float SquaredNorm(ReadOnlySpan<float> x)
    {
        float total = 0;
        for (int p0 = 0; p0 < x.Length; p0 += Gemm.KC)
        {
            float s = 0;
            foreach (float v in x[p0..Math.Min(x.Length, p0 + Gemm.KC)]) s = MathF.FusedMultiplyAdd(v, v, s);
            total = p0 == 0 ? s : total + s;
        }
        return total;
    }

    /// <summary>
    /// <c>out = bf(β·C) + Σₗ P[:, l]·Q[l, :]</c> with the accumulator rounded to bfloat16 after every term and
    /// every product rounded before it is added (1.13's bfloat16 GEMM); P is m×k, Q (already scaled by α) k×n.
    /// </summary>
    private static void AddMm(float[] cIn, float beta, float[] p, float[] q, int m, int n, int k, float[] output)
    {
        // Output rows are independent: any split gives the same bits. The serial path allocates nothing.
        if (m == 1 || (long)m * n * k < 1L << 18)
            for (int i = 0; i < m; i++) Row(i, cIn, beta, p, q, n, k, output);
        else RowsInParallel(cIn, beta, p, q, m, n, k, output);
    }

    /// <summary>The rows on the thread pool; in its own method, so the serial path does not allocate the lambda's captures.</summary>
    private static void RowsInParallel(float[] cIn, float beta, float[] p, float[] q, int m, int n, int k, float[] output) =>
        Parallel.For(0, m, i => Row(i, cIn, beta, p, q, n, k, output));

    /// <summary>Row <paramref name="i"/> of <see cref="AddMm"/>.</summary>
    private static void Row(int i, float[] cIn, float beta, float[] p, float[] q, int n, int k, float[] output)
    {
        ref float o = ref output[i * n];
        ref float ci = ref cIn[i * n];
        ref float q0 = ref MemoryMarshal.GetArrayDataReference(q);
        int width = Vector<float>.Count, block = 4 * width;
        var vb = new Vector<float>(beta);
        int j = 0;
        for (; j <= n - width; j += width) Round(vb * Vector.LoadUnsafe(ref ci, (nuint)j)).StoreUnsafe(ref o, (nuint)j);
        for (; j < n; j++) Unsafe.Add(ref o, j) = BFloat16Rounding.Round(beta * Unsafe.Add(ref ci, j));
        // Four registers of the output row stay in registers across the whole depth.
        j = 0;
        for (; j <= n - block; j += block)
        {
            var a0 = Vector.LoadUnsafe(ref o, (nuint)j);
            var a1 = Vector.LoadUnsafe(ref o, (nuint)(j + width));
            var a2 = Vector.LoadUnsafe(ref o, (nuint)(j + 2 * width));
            var a3 = Vector.LoadUnsafe(ref o, (nuint)(j + 3 * width));
            for (int l = 0; l < k; l++)
            {
                var vp = new Vector<float>(p[i * k + l]);
                nuint at = (nuint)((long)l * n + j);
                a0 = Round(a0 + Round(vp * Vector.LoadUnsafe(ref q0, at)));
                a1 = Round(a1 + Round(vp * Vector.LoadUnsafe(ref q0, at + (nuint)width)));
                a2 = Round(a2 + Round(vp * Vector.LoadUnsafe(ref q0, at + (nuint)(2 * width))));
                a3 = Round(a3 + Round(vp * Vector.LoadUnsafe(ref q0, at + (nuint)(3 * width))));
            }
            a0.StoreUnsafe(ref o, (nuint)j);
            a1.StoreUnsafe(ref o, (nuint)(j + width));
            a2.StoreUnsafe(ref o, (nuint)(j + 2 * width));
            a3.StoreUnsafe(ref o, (nuint)(j + 3 * width));
        }
        for (; j < n; j++)
        {
            float a = Unsafe.Add(ref o, j);
            for (int l = 0; l < k; l++) a = BFloat16Rounding.Round(a + BFloat16Rounding.Round(p[i * k + l] * q[(long)l * n + j]));
            Unsafe.Add(ref o, j) = a;
        }
    }

    /// <summary>
    /// <see cref="BFloat16Rounding.Round(Vector{float})"/> without its NaN guard: inside the iteration every NaN is one
    /// that arithmetic made or carried from a rounded input, whose upper half is non-zero, so it stays NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Round(Vector<float> x)
    {
        var bits = Vector.AsVectorUInt32(x);
        return Vector.AsVectorSingle((bits + new Vector<uint>(0x7FFFu) + (Vector.ShiftRightLogical(bits, 16) & Vector<uint>.One)) & new Vector<uint>(0xFFFF0000u));
    }
}
