using System.Numerics;

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
    /// <c>out = bf(β·C) + Σₗ P[:, l]·Q[l, :]</c> with the accumulator rounded to bfloat16 after every term and
    /// every product rounded before it is added (1.13's bfloat16 GEMM); P is m×k, Q (already scaled by α) k×n.
    /// </summary>
    private static void AddMm(float[] cIn, float beta, float[] p, float[] q, int m, int n, int k, float[] output)
    {
        void Row(int i)
        {
            var o = output.AsSpan(i * n, n);
            var ci = cIn.AsSpan(i * n, n);
            for (int j = 0; j < n; j++) o[j] = BFloat16Rounding.Round(beta * ci[j]);
            int width = Vector<float>.Count;
            for (int l = 0; l < k; l++)
            {
                float pil = p[i * k + l];
                var ql = q.AsSpan(l * n, n);
                var vp = new Vector<float>(pil);
                int j = 0;
                for (; j <= n - width; j += width)
                {
                    var prod = BFloat16Rounding.Round(vp * new Vector<float>(ql[j..]));
                    BFloat16Rounding.Round(new Vector<float>(o[j..]) + prod).CopyTo(o[j..]);
                }
                for (; j < n; j++) o[j] = BFloat16Rounding.Round(o[j] + BFloat16Rounding.Round(pil * ql[j]));
            }
        }
        // Output rows are independent: any split gives the same bits.
        if ((long)m * n * k < 1L << 18) for (int i = 0; i < m; i++) Row(i);
        else Parallel.For(0, m, Row);
    }
}
