using System.Numerics;
using System.Runtime.CompilerServices;
using Descent.Kernels;

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
public sealed unsafe class NewtonSchulz
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

    /// <summary>Upper bound on the threads the products use; 0 means <see cref="Environment.ProcessorCount"/>. The bits do not depend on it.</summary>
    internal int MaxThreads { get; init; }

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
                Gemm.Multiply(x0, false, x0, true, _gram, r, r, n, maxThreads: MaxThreads);
                for (int i = 0; i < _gram.Length; i++) _gram[i] = BFloat16Rounding.Round(_gram[i]);
            }
            for (int i = 0; i < _gram.Length; i++) _scaled[i] = _gram[i] * c;
            AddMm(_gram, b, _gram, _scaled, r, r, r, _update);
            if (strided)
            {
                Gemm.Multiply(_update, false, x0, false, x1, r, n, r, maxThreads: MaxThreads);
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
    private void AddMm(float[] cIn, float beta, float[] p, float[] q, int m, int n, int k, float[] output)
    {
        fixed (float* c0 = cIn, p0 = p, q0 = q, o0 = output)
        {
            var body = new AddMmBody(c0, beta, p0, q0, o0, n, k);
            int threads = MaxThreads == 0 ? Environment.ProcessorCount : Math.Min(MaxThreads, Environment.ProcessorCount);
            if (m < 2 * TileRows || (long)m * n * k < 1L << 18) threads = 1;
            // Output rows are independent and each element sums its terms in k order whatever rows a thread
            // holds, so any split gives the same bits; whole tiles of rows keep the fast path busy.
            nint chunk = ((m + threads - 1) / threads + TileRows - 1) / TileRows * TileRows;
            int parts = (int)((m + chunk - 1) / chunk);
            if (parts <= 1) body.Run(0, m);
            else KernelWorkers.Run(&KernelWorkers.Invoke<AddMmBody>, Unsafe.AsPointer(ref body), m, chunk, parts);
        }
    }

    /// <summary>Rows of the output a tile covers: each row of Q loaded serves this many rows of the output.</summary>
    private const int TileRows = 4;

    /// <summary>Columns of Q (and depth) a pass works on, so that the panel of Q it streams stays in cache across all rows.</summary>
    private const int PanelColumns = 256, PanelDepth = 128;

    /// <summary>The addmm over a range of output rows.</summary>
    private readonly struct AddMmBody(float* c, float beta, float* p, float* q, float* output, int n, int k) : IRangeBody
    {
        // Hot kernels compiled optimized at once: the tiered JIT's later, profile-guided recompile ran them about 3× slower.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(nint start, nint end)
        {
            int i0 = (int)start, i1 = (int)end;
            // Blocking over columns and depth only changes when an element's partial sum is stored and reloaded
            // (an exact bfloat16 value); its terms are still added one by one in increasing l.
            for (int j0 = 0; j0 < n; j0 += PanelColumns)
            {
                int j1 = Math.Min(n, j0 + PanelColumns);
                for (int i = i0; i < i1; i++)
                    for (int j = j0; j < j1; j++) output[(long)i * n + j] = BFloat16Rounding.Round(beta * c[(long)i * n + j]);
                for (int l0 = 0; l0 < k; l0 += PanelDepth)
                {
                    int l1 = Math.Min(k, l0 + PanelDepth);
                    int i = i0;
                    for (; i + TileRows <= i1; i += TileRows) Tile(i, j0, j1, l0, l1);
                    for (; i < i1; i++) OneRow(i, j0, j1, l0, l1);
                }
            }
        }

        /// <summary>Rows i..i+3, columns [j0, j1), terms [l0, l1): 4 rows × 2 registers of accumulators.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Tile(int i, int j0, int j1, int l0, int l1)
        {
            int w = Vector<float>.Count;
            float* o0 = output + (long)i * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n;
            float* p0 = p + (long)i * k, p1 = p0 + k, p2 = p1 + k, p3 = p2 + k;
            int j = j0;
            for (; j + 2 * w <= j1; j += 2 * w)
            {
                var a00 = Vector.Load(o0 + j); var a01 = Vector.Load(o0 + j + w);
                var a10 = Vector.Load(o1 + j); var a11 = Vector.Load(o1 + j + w);
                var a20 = Vector.Load(o2 + j); var a21 = Vector.Load(o2 + j + w);
                var a30 = Vector.Load(o3 + j); var a31 = Vector.Load(o3 + j + w);
                float* ql = q + (long)l0 * n + j;
                for (int l = l0; l < l1; l++, ql += n)
                {
                    var q0 = Vector.Load(ql);
                    var q1 = Vector.Load(ql + w);
                    var v = new Vector<float>(p0[l]);
                    a00 = Round(a00 + Round(v * q0)); a01 = Round(a01 + Round(v * q1));
                    v = new Vector<float>(p1[l]);
                    a10 = Round(a10 + Round(v * q0)); a11 = Round(a11 + Round(v * q1));
                    v = new Vector<float>(p2[l]);
                    a20 = Round(a20 + Round(v * q0)); a21 = Round(a21 + Round(v * q1));
                    v = new Vector<float>(p3[l]);
                    a30 = Round(a30 + Round(v * q0)); a31 = Round(a31 + Round(v * q1));
                }
                a00.Store(o0 + j); a01.Store(o0 + j + w);
                a10.Store(o1 + j); a11.Store(o1 + j + w);
                a20.Store(o2 + j); a21.Store(o2 + j + w);
                a30.Store(o3 + j); a31.Store(o3 + j + w);
            }
            if (j < j1)
                for (int r = 0; r < TileRows; r++) Columns(i + r, j, j1, l0, l1);
        }

        /// <summary>One row, columns [j0, j1), terms [l0, l1).</summary>
        private void OneRow(int i, int j0, int j1, int l0, int l1) => Columns(i, j0, j1, l0, l1);

        /// <summary>Row i over columns [j0, j1): a register at a time, then element by element.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Columns(int i, int j0, int j1, int l0, int l1)
        {
            int w = Vector<float>.Count;
            float* o = output + (long)i * n, pi = p + (long)i * k;
            int j = j0;
            for (; j + w <= j1; j += w)
            {
                var a = Vector.Load(o + j);
                float* ql = q + (long)l0 * n + j;
                for (int l = l0; l < l1; l++, ql += n) a = Round(a + Round(new Vector<float>(pi[l]) * Vector.Load(ql)));
                a.Store(o + j);
            }
            for (; j < j1; j++)
            {
                float a = o[j];
                for (int l = l0; l < l1; l++) a = BFloat16Rounding.Round(a + BFloat16Rounding.Round(pi[l] * q[(long)l * n + j]));
                o[j] = a;
            }
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
