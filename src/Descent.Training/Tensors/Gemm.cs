using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Descent.Training.Tensors;

/// <summary>
/// Single-precision matrix multiply <c>C = op(A)·op(B)</c> (or <c>C += op(A)·op(B)</c>) on row-major
/// matrices, with the transposition variants backpropagation needs: <c>A·B</c> (forward),
/// <c>Aᵀ·B</c> (weight gradients), <c>A·Bᵀ</c> (input gradients).
/// </summary>
/// <remarks>
/// The classic Goto/BLIS scheme: <c>op(B)</c> is packed in <c>KC×NR</c> panels, <c>op(A)</c> in
/// <c>MR×KC</c> panels, and a register-blocked micro-kernel (8×32 with AVX-512, 6×16 with AVX2)
/// accumulates each tile with fused multiply-adds. One operand is packed once for all threads, which take
/// chunks of C's rows or columns in turn (see <c>Job</c>), and every element of C is summed in the same order
/// (k ascending, in blocks of <see cref="KC"/>) whatever the chunks, thread count or vector width, so results
/// are bit-identical from run to run and from 1 to N threads.
/// </remarks>
public static unsafe class Gemm
{
    /// <summary>
    /// Depth of one block: every element of C is the sum of its blocks' sums, each a chain of fused multiply-adds from
    /// zero. Part of the results' bits (the gallery quotes training runs), so it must not change.
    /// </summary>
    internal const int KC = 256;

    /// <summary>Most columns one chunk of C packs (8 panels of the AVX2 kernel): their <c>KC×128</c> floats stay in L2 beside the shared op(A).</summary>
    private const int MaxColumnsPerChunk = 128;

    /// <summary>Below this many multiply-adds (m·n·k) a call runs on the calling thread alone.</summary>
    internal const long ParallelThreshold = 1L << 19;

    /// <summary>True where AVX-512 runs at full speed: the 8×32 kernel; otherwise the 6×16 AVX2 kernel.</summary>
    internal static readonly bool Wide = Vector512.IsHardwareAccelerated;

    private static int RowsPerTile(bool wide) => wide ? 8 : 6;
    private static int ColumnsPerTile(bool wide) => wide ? 32 : 16;

    /// <summary>Most floats of the operand every thread shares, packed at once (16 MB).</summary>
    private const long SharedLimit = 1L << 22;

    /// <summary>Most rows of op(A) one chunk packs (144 for either kernel; 144×<see cref="KC"/> floats stay in L2).</summary>
    private const int MaxRowsPerBlock = 144;

    [ThreadStatic] private static float[]? t_shared;
    [ThreadStatic] private static float[]? t_packA;
    [ThreadStatic] private static float[]? t_packB;

    /// <summary>
    /// Computes <c>C = op(A)·op(B)</c>, or <c>C += op(A)·op(B)</c> when <paramref name="accumulate"/> is set.
    /// op(A) is <paramref name="m"/>×<paramref name="k"/>: A is stored m×k, or k×m when <paramref name="transposeA"/>.
    /// op(B) is <paramref name="k"/>×<paramref name="n"/>: B is stored k×n, or n×k when <paramref name="transposeB"/>.
    /// C is stored m×n. All row-major and dense (leading dimension = stored column count).
    /// </summary>
    /// <param name="a">A, row-major.</param>
    /// <param name="transposeA">True when A is stored k×m.</param>
    /// <param name="b">B, row-major.</param>
    /// <param name="transposeB">True when B is stored n×k.</param>
    /// <param name="c">C, m×n row-major: overwritten, or added to when <paramref name="accumulate"/>.</param>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">The shared depth: columns of op(A), rows of op(B).</param>
    /// <param name="accumulate">Adds the product to C instead of overwriting it.</param>
    /// <param name="maxThreads">Upper bound on threads; 0 means <see cref="Environment.ProcessorCount"/>.</param>
    public static void Multiply(ReadOnlySpan<float> a, bool transposeA, ReadOnlySpan<float> b, bool transposeB, Span<float> c,
        int m, int n, int k, bool accumulate = false, int maxThreads = 0) =>
        Multiply(a, transposeA, b, transposeB, c, m, n, k, accumulate, maxThreads, Wide);

    /// <summary><see cref="Multiply(ReadOnlySpan{float}, bool, ReadOnlySpan{float}, bool, Span{float}, int, int, int, bool, int)"/>
    /// with the kernel chosen by the caller, so tests cover the AVX2 kernel on AVX-512 machines too.</summary>
    internal static void Multiply(ReadOnlySpan<float> a, bool transposeA, ReadOnlySpan<float> b, bool transposeB, Span<float> c,
        int m, int n, int k, bool accumulate, int maxThreads, bool wide)
    {
        if (wide && !Vector512.IsHardwareAccelerated) throw new PlatformNotSupportedException("The 8×32 kernel needs AVX-512.");
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(maxThreads);
        if ((long)m * k > a.Length) throw new ArgumentException($"A needs {(long)m * k} elements ({m}×{k}), has {a.Length}.", nameof(a));
        if ((long)k * n > b.Length) throw new ArgumentException($"B needs {(long)k * n} elements ({k}×{n}), has {b.Length}.", nameof(b));
        if ((long)m * n > c.Length) throw new ArgumentException($"C needs {(long)m * n} elements ({m}×{n}), has {c.Length}.", nameof(c));
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (!accumulate) c[..(m * n)].Clear();
            return;
        }

        int threads = maxThreads == 0 ? Environment.ProcessorCount : Math.Min(maxThreads, Environment.ProcessorCount);
        if ((long)m * n * k < ParallelThreshold) threads = 1;
        fixed (float* pa = a, pb = b, pc = c)
            new Job((nint)pa, transposeA ? m : k, transposeA, (nint)pb, transposeB ? k : n, transposeB, (nint)pc, n, m, n, k, accumulate, wide).Run(threads);
    }

    /// <summary>Test and benchmark switch: null lets <see cref="Multiply(ReadOnlySpan{float}, bool, ReadOnlySpan{float}, bool, Span{float}, int, int, int, bool, int, bool)"/>
    /// choose; true or false forces chunks of C's columns or of its rows.</summary>
    internal static bool? ColumnChunks { get; set; }

    /// <summary>
    /// <c>C[m×n] = A[m×k]·B[n×k]ᵀ</c> (A, B, C dense row-major) as <c>m·n</c> dot products of long rows, blocked
    /// 4×3 so each loaded vector feeds several products. For the shape of a convolution's weight gradient
    /// (a few filters × a few taps, summed over thousands of pixels) this beats <see cref="Multiply(ReadOnlySpan{float}, bool, ReadOnlySpan{float}, bool, Span{float}, int, int, int, bool, int)"/>,
    /// which would repack both long operands for a handful of tiles. One thread; every element is summed in the
    /// same order (eight lanes along k, the lanes in order, then the tail), whichever block computes it.
    /// </summary>
    internal static void DotProducts(float* a, float* b, float* c, int m, int n, int k)
    {
        int i = 0;
        for (; i + 4 <= m; i += 4)
        {
            int j = 0;
            for (; j + 3 <= n; j += 3) Dots4x3(a + (long)i * k, b + (long)j * k, c + (long)i * n + j, n, k);
            for (; j < n; j++)
                for (int r = 0; r < 4; r++) c[(long)(i + r) * n + j] = Dot(a + (long)(i + r) * k, b + (long)j * k, k);
        }
        for (; i < m; i++)
            for (int j = 0; j < n; j++) c[(long)i * n + j] = Dot(a + (long)i * k, b + (long)j * k, k);
    }

    /// <summary>Depths up to this use <see cref="SmallDepth(float*, int, int, float*, float*, int, float*, int, int, int, int)"/>: short enough that B's rows can be read in place.</summary>
    internal const int SmallDepthLimit = 128;

    /// <summary>
    /// <c>C[i, q] = bias[i] + Σ_p A[i, p]·B[p, q]</c> for a short depth k (≤ <see cref="SmallDepthLimit"/>), reading A
    /// through strides (<c>A[i, p] = a[i·aRow + p·aCol]</c>, so Aᵀ costs nothing) and B's rows in place, without
    /// packing: blocks of 4 rows × 16 columns keep 8 accumulators, started at the bias (zero when null). A
    /// convolution's output or input gradient (a few filters, a few taps, hundreds of pixels) is exactly this shape,
    /// and writing C with any row stride lets it land in the batch's own layout. One thread; every element is
    /// summed in p order with fused multiply-adds, whichever block computes it.
    /// </summary>
    internal static void SmallDepth(float* a, int aRow, int aCol, float* bias, float* b, int ldb, float* c, int ldc, int m, int n, int k)
    {
        int i = 0;
        for (; i + 4 <= m; i += 4)
        {
            float* a0 = a + (long)i * aRow, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow;
            float* c0 = c + (long)i * ldc, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
            float z0 = bias == null ? 0f : bias[i], z1 = bias == null ? 0f : bias[i + 1], z2 = bias == null ? 0f : bias[i + 2], z3 = bias == null ? 0f : bias[i + 3];
            int q = 0;
            for (; q + 16 <= n; q += 16)
            {
                Vector256<float> s00 = Vector256.Create(z0), s01 = s00, s10 = Vector256.Create(z1), s11 = s10;
                Vector256<float> s20 = Vector256.Create(z2), s21 = s20, s30 = Vector256.Create(z3), s31 = s30;
                float* bp = b + q;
                for (int p = 0; p < k; p++, bp += ldb)
                {
                    var y0 = Vector256.Load(bp);
                    var y1 = Vector256.Load(bp + 8);
                    long o = (long)p * aCol;
                    var x = Vector256.Create(a0[o]); s00 = Vector256.FusedMultiplyAdd(x, y0, s00); s01 = Vector256.FusedMultiplyAdd(x, y1, s01);
                    x = Vector256.Create(a1[o]); s10 = Vector256.FusedMultiplyAdd(x, y0, s10); s11 = Vector256.FusedMultiplyAdd(x, y1, s11);
                    x = Vector256.Create(a2[o]); s20 = Vector256.FusedMultiplyAdd(x, y0, s20); s21 = Vector256.FusedMultiplyAdd(x, y1, s21);
                    x = Vector256.Create(a3[o]); s30 = Vector256.FusedMultiplyAdd(x, y0, s30); s31 = Vector256.FusedMultiplyAdd(x, y1, s31);
                }
                Vector256.Store(s00, c0 + q); Vector256.Store(s01, c0 + q + 8);
                Vector256.Store(s10, c1 + q); Vector256.Store(s11, c1 + q + 8);
                Vector256.Store(s20, c2 + q); Vector256.Store(s21, c2 + q + 8);
                Vector256.Store(s30, c3 + q); Vector256.Store(s31, c3 + q + 8);
            }
            for (; q + 8 <= n; q += 8)
            {
                Vector256<float> s0 = Vector256.Create(z0), s1 = Vector256.Create(z1), s2 = Vector256.Create(z2), s3 = Vector256.Create(z3);
                float* bp = b + q;
                for (int p = 0; p < k; p++, bp += ldb)
                {
                    var y = Vector256.Load(bp);
                    long o = (long)p * aCol;
                    s0 = Vector256.FusedMultiplyAdd(Vector256.Create(a0[o]), y, s0);
                    s1 = Vector256.FusedMultiplyAdd(Vector256.Create(a1[o]), y, s1);
                    s2 = Vector256.FusedMultiplyAdd(Vector256.Create(a2[o]), y, s2);
                    s3 = Vector256.FusedMultiplyAdd(Vector256.Create(a3[o]), y, s3);
                }
                Vector256.Store(s0, c0 + q);
                Vector256.Store(s1, c1 + q);
                Vector256.Store(s2, c2 + q);
                Vector256.Store(s3, c3 + q);
            }
            for (; q < n; q++)
                for (int r = 0; r < 4; r++) c[(long)(i + r) * ldc + q] = SmallDepthScalar(a + (long)(i + r) * aRow, aCol, bias == null ? 0f : bias[i + r], b + q, ldb, k);
        }
        for (; i < m; i++)
        {
            float* ai = a + (long)i * aRow, ci = c + (long)i * ldc;
            float z = bias == null ? 0f : bias[i];
            int q = 0;
            for (; q + 8 <= n; q += 8)
            {
                var s = Vector256.Create(z);
                float* bp = b + q;
                for (int p = 0; p < k; p++, bp += ldb) s = Vector256.FusedMultiplyAdd(Vector256.Create(ai[(long)p * aCol]), Vector256.Load(bp), s);
                Vector256.Store(s, ci + q);
            }
            for (; q < n; q++) ci[q] = SmallDepthScalar(ai, aCol, z, b + q, ldb, k);
        }
    }

    /// <summary>One element of <see cref="SmallDepth(float*, int, int, float*, float*, int, float*, int, int, int, int)"/>, in the same order and with the same fused operations as its vector lanes.</summary>
    private static float SmallDepthScalar(float* a, int aCol, float start, float* b, int ldb, int k)
    {
        float s = start;
        for (int p = 0; p < k; p++) s = MathF.FusedMultiplyAdd(a[(long)p * aCol], b[(long)p * ldb], s);
        return s;
    }

    /// <summary><see cref="SmallDepth(float*, int, int, float*, float*, int, float*, int, int, int, int)"/> on checked spans; null bias when <paramref name="bias"/> is empty.</summary>
    internal static void SmallDepth(ReadOnlySpan<float> a, int aRow, int aCol, ReadOnlySpan<float> bias, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, int m, int n, int k)
    {
        if (m <= 0 || n <= 0) return;
        if ((long)(m - 1) * aRow + (long)(k - 1) * aCol >= a.Length && k > 0) throw new ArgumentException("A is too short.", nameof(a));
        if (!bias.IsEmpty && bias.Length < m) throw new ArgumentException("The bias is too short.", nameof(bias));
        if (k > 0 && (long)(k - 1) * ldb + n > b.Length) throw new ArgumentException("B is too short.", nameof(b));
        if ((long)(m - 1) * ldc + n > c.Length) throw new ArgumentException("C is too short.", nameof(c));
        fixed (float* pa = a, pBias = bias, pb = b, pc = c) SmallDepth(pa, aRow, aCol, bias.IsEmpty ? null : pBias, pb, ldb, pc, ldc, m, n, k);
    }

    /// <summary><see cref="DotProducts(float*, float*, float*, int, int, int)"/> on checked spans.</summary>
    internal static void DotProducts(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if ((long)m * k > a.Length || (long)n * k > b.Length || (long)m * n > c.Length)
            throw new ArgumentException($"A, B, C need {(long)m * k}, {(long)n * k}, {(long)m * n} elements, have {a.Length}, {b.Length}, {c.Length}.");
        fixed (float* pa = a, pb = b, pc = c) DotProducts(pa, pb, pc, m, n, k);
    }

    /// <summary>The reduction every dot product ends with: lanes summed in order, then the scalar tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Finish(Vector256<float> lanes, float* a, float* b, int from, int k)
    {
        float sum = lanes.GetElement(0);
        for (int l = 1; l < 8; l++) sum += lanes.GetElement(l);
        for (int p = from; p < k; p++) sum = MathF.FusedMultiplyAdd(a[p], b[p], sum);
        return sum;
    }

    private static float Dot(float* a, float* b, int k)
    {
        var acc = Vector256<float>.Zero;
        int p = 0;
        for (; p + 8 <= k; p += 8) acc = Vector256.FusedMultiplyAdd(Vector256.Load(a + p), Vector256.Load(b + p), acc);
        return Finish(acc, a, b, p, k);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dots4x3(float* a, float* b, float* c, int ldc, int k)
    {
        Vector256<float> c00 = default, c01 = default, c02 = default, c10 = default, c11 = default, c12 = default;
        Vector256<float> c20 = default, c21 = default, c22 = default, c30 = default, c31 = default, c32 = default;
        float* a1 = a + k, a2 = a1 + k, a3 = a2 + k, b1 = b + k, b2 = b1 + k;
        int p = 0;
        for (; p + 8 <= k; p += 8)
        {
            var y0 = Vector256.Load(b + p);
            var y1 = Vector256.Load(b1 + p);
            var y2 = Vector256.Load(b2 + p);
            var x = Vector256.Load(a + p);
            c00 = Vector256.FusedMultiplyAdd(x, y0, c00); c01 = Vector256.FusedMultiplyAdd(x, y1, c01); c02 = Vector256.FusedMultiplyAdd(x, y2, c02);
            x = Vector256.Load(a1 + p);
            c10 = Vector256.FusedMultiplyAdd(x, y0, c10); c11 = Vector256.FusedMultiplyAdd(x, y1, c11); c12 = Vector256.FusedMultiplyAdd(x, y2, c12);
            x = Vector256.Load(a2 + p);
            c20 = Vector256.FusedMultiplyAdd(x, y0, c20); c21 = Vector256.FusedMultiplyAdd(x, y1, c21); c22 = Vector256.FusedMultiplyAdd(x, y2, c22);
            x = Vector256.Load(a3 + p);
            c30 = Vector256.FusedMultiplyAdd(x, y0, c30); c31 = Vector256.FusedMultiplyAdd(x, y1, c31); c32 = Vector256.FusedMultiplyAdd(x, y2, c32);
        }
        c[0] = Finish(c00, a, b, p, k); c[1] = Finish(c01, a, b1, p, k); c[2] = Finish(c02, a, b2, p, k);
        c += ldc;
        c[0] = Finish(c10, a1, b, p, k); c[1] = Finish(c11, a1, b1, p, k); c[2] = Finish(c12, a1, b2, p, k);
        c += ldc;
        c[0] = Finish(c20, a2, b, p, k); c[1] = Finish(c21, a2, b1, p, k); c[2] = Finish(c22, a2, b2, p, k);
        c += ldc;
        c[0] = Finish(c30, a3, b, p, k); c[1] = Finish(c31, a3, b1, p, k); c[2] = Finish(c32, a3, b2, p, k);
    }

    /// <summary>One product; each element summed one depth block (<see cref="KC"/>) after another.</summary>
    /// <remarks>
    /// One operand is packed once, whole (every depth block, up to <see cref="SharedLimit"/> floats), into a buffer all
    /// threads read, and C is cut into chunks that threads take in turn (about four per thread, so that a thread the busy
    /// machine delays is covered by the others); a chunk packs its own share of the other operand, so nothing is packed
    /// twice. Chunks of rows share op(B) (the BLIS order: a chunk of op(A) in L2, each panel of op(B) in L1 while the row
    /// tiles run past it); when op(A) has only a few rows (a batch of 128 against a wide layer), chunks of columns share
    /// op(A), so no thread packs or streams another's columns of the large operand. Chunks start at multiples of the tile
    /// size and every kernel sums its tile in the same order, so the bits depend neither on the chunks nor on the threads.
    /// </remarks>
    private sealed class Job(nint a, int lda, bool transA, nint b, int ldb, bool transB, nint c, int ldc, int m, int n, int k, bool accumulate, bool wide)
    {
        private readonly int _mr = RowsPerTile(wide), _nr = ColumnsPerTile(wide);

        public void Run(int threads)
        {
            int rowTiles = (m + _mr - 1) / _mr, columnTiles = (n + _nr - 1) / _nr;
            bool byColumns = ColumnChunks ?? (m <= 2 * MaxRowsPerBlock && columnTiles > rowTiles);
            int chunk;
            if (byColumns)
            {
                int tiles = Math.Clamp((columnTiles + 4 * threads - 1) / (4 * threads), 2, MaxColumnsPerChunk / _nr);
                chunk = tiles * _nr;
            }
            else
            {
                int tiles = threads == 1 ? MaxRowsPerBlock / _mr : Math.Clamp((rowTiles + 4 * threads - 1) / (4 * threads), 4, MaxRowsPerBlock / _mr);
                chunk = tiles * _mr;
            }
            int extent = byColumns ? n : m;
            int chunks = (extent + chunk - 1) / chunk;
            threads = Math.Min(threads, chunks);
            // The shared operand is packed for as many depth blocks as fit in SharedLimit floats (all of them for the
            // models' products), so threads meet once per round rather than once per depth block.
            int depth = Math.Min(k, KC), depthBlocks = (k + KC - 1) / KC;
            long blockLength = byColumns ? (long)rowTiles * _mr * depth : (long)depth * columnTiles * _nr;
            int blocksPerRound = (int)Math.Clamp(SharedLimit / blockLength, 1, depthBlocks);
            long sharedLength = blockLength * blocksPerRound + PackSlack;
            float[] shared = t_shared is { } buffer && buffer.LongLength >= sharedLength
                ? buffer
                : t_shared = GC.AllocateUninitializedArray<float>(checked((int)sharedLength), pinned: true);
            var options = threads > 1 ? new ParallelOptions { MaxDegreeOfParallelism = threads } : null;
            fixed (float* ps = shared)
            {
                for (int round = 0; round < depthBlocks; round += blocksPerRound)
                {
                    int from = round * KC, to = (int)Math.Min(k, (long)(round + blocksPerRound) * KC);
                    for (int pc = from; pc < to; pc += KC)
                    {
                        float* packed = ps + (pc - from) / KC * blockLength;
                        if (byColumns) PackA((float*)a, lda, transA, 0, m, pc, Math.Min(KC, k - pc), packed, _mr);
                        else PackB((float*)b, ldb, transB, pc, Math.Min(KC, k - pc), 0, n, packed, _nr);
                    }
                    var work = new Round(from, to, blockLength, (nint)ps);
                    if (options is null)
                    {
                        for (int i = 0; i < chunks; i++) Chunk(byColumns, i * chunk, Math.Min(extent, (i + 1) * chunk), work);
                    }
                    else
                    {
                        Parallel.For(0, chunks, options, i => Chunk(byColumns, i * chunk, Math.Min(extent, (i + 1) * chunk), work));
                    }
                }
            }
        }

        /// <summary>Depth blocks [From, To) of op(A)·op(B), their shared operand packed at Packed, one block every BlockLength floats.</summary>
        private readonly record struct Round(int From, int To, long BlockLength, nint Packed);

        /// <summary>Computes C[start..end) (rows or columns) over the round's depth blocks, k ascending.</summary>
        private void Chunk(bool byColumns, int start, int end, Round round)
        {
            for (int pc = round.From; pc < round.To; pc += KC)
            {
                int kc = Math.Min(KC, k - pc);
                bool overwrite = pc == 0 && !accumulate;
                float* packed = (float*)round.Packed + (pc - round.From) / KC * round.BlockLength;
                if (byColumns) Columns(start, end, pc, kc, overwrite, packed);
                else Rows(start, end, pc, kc, overwrite, packed);
            }
        }

        /// <summary>C[.., j0..j1) for one depth block, from the shared packed op(A).</summary>
        private void Columns(int j0, int j1, int pc, int kc, bool overwrite, float* packedA)
        {
            float[] packB = t_packB ??= GC.AllocateUninitializedArray<float>(KC * MaxColumnsPerChunk, pinned: true);
            fixed (float* pB = packB)
            {
                int nc = j1 - j0;
                PackB((float*)b, ldb, transB, pc, kc, j0, nc, pB, _nr);
                for (int jr = 0; jr < nc; jr += _nr)
                {
                    int cols = Math.Min(_nr, nc - jr);
                    for (int ir = 0; ir < m; ir += _mr)
                        Tile(kc, packedA + ir * kc, _mr, pB + jr * kc, (float*)c + (long)ir * ldc + j0 + jr, Math.Min(_mr, m - ir), cols, overwrite);
                }
            }
        }

        /// <summary>C[r0..r1, ..) for one depth block, from the shared packed op(B).</summary>
        /// <remarks>Against a narrow op(B) (one or two panels) a stored-transposed A is read in place with its row stride:
        /// packing it would cost as much as the product. Only a partial tile at the edge is packed, so no read runs past A.</remarks>
        private void Rows(int r0, int r1, int pc, int kc, bool overwrite, float* packedB)
        {
            float[] packA = t_packA ??= GC.AllocateUninitializedArray<float>(MaxRowsPerBlock * KC + PackSlack, pinned: true);
            fixed (float* pA = packA)
            {
                int mc = r1 - r0, full = mc / _mr * _mr;
                bool inPlace = transA && n <= 2 * _nr;
                if (!inPlace) PackA((float*)a, lda, transA, r0, mc, pc, kc, pA, _mr);
                else if (full < mc) PackA((float*)a, lda, transA, r0 + full, mc - full, pc, kc, pA, _mr);
                for (int jr = 0; jr < n; jr += _nr)
                {
                    int cols = Math.Min(_nr, n - jr);
                    for (int ir = 0; ir < mc; ir += _mr)
                    {
                        int rows = Math.Min(_mr, mc - ir);
                        float* panel = !inPlace ? pA + ir * kc : rows == _mr ? (float*)a + (long)pc * lda + r0 + ir : pA;
                        int step = inPlace && rows == _mr ? lda : _mr;
                        Tile(kc, panel, step, packedB + jr * kc, (float*)c + (long)(r0 + ir) * ldc + jr, rows, cols, overwrite);
                    }
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Tile(int kc, float* aPanel, int aStep, float* bPanel, float* cTile, int rows, int cols, bool overwrite)
        {
            if (wide) Kernel8x32(kc, aPanel, aStep, bPanel, _nr, cTile, ldc, rows, cols, overwrite);
            else Kernel6x16(kc, aPanel, aStep, bPanel, _nr, cTile, ldc, rows, cols, overwrite);
        }
    }

    /// <summary>Packs op(A)[i0..i0+mc, p0..p0+kc] as MR-row panels, p-major inside a panel, zero rows past mc.</summary>
    private static void PackA(float* a, int lda, bool trans, int i0, int mc, int p0, int kc, float* dst, int mr)
    {
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            float* panel = dst + ir * kc;
            if (trans)
            {
                // op(A)[i, p] = A[p, i]: each p reads `rows` contiguous floats.
                int p = 0;
                if (mr == 6 && rows == 6 && i0 + ir + 8 <= lda)
                {
                    // Eight floats copied per p, two more than the tile: the next p's copy (or the next panel, or the slack)
                    // overwrites them, and the two extra reads stay inside A's row.
                    for (; p < kc; p++) Vector256.Store(Vector256.Load(a + (long)(p0 + p) * lda + i0 + ir), panel + p * 6);
                }
                else if (mr == 8 && rows == 8)
                {
                    for (; p < kc; p++) Vector256.Store(Vector256.Load(a + (long)(p0 + p) * lda + i0 + ir), panel + p * 8);
                }
                for (; p < kc; p++)
                {
                    float* src = a + (long)(p0 + p) * lda + i0 + ir;
                    float* d = panel + p * mr;
                    int r = 0;
                    for (; r < rows; r++) d[r] = src[r];
                    for (; r < mr; r++) d[r] = 0f;
                }
            }
            else
            {
                int p8 = 0;
                if (mr == 8 && rows == 8 && Avx.IsSupported)
                {
                    float* src = a + (long)(i0 + ir) * lda + p0;
                    for (; p8 + 8 <= kc; p8 += 8) Transpose8x8(src + p8, lda, panel + p8 * 8, 8);
                }
                else if (mr == 6 && rows == 6 && Avx.IsSupported)
                {
                    // Each transposed column is stored as 8 floats: its 6 values and 2 that the next store (or the next
                    // panel, packed after this one, or the buffers' slack) overwrites.
                    float* src = a + (long)(i0 + ir) * lda + p0;
                    for (; p8 + 8 <= kc; p8 += 8) Transpose6x8(src + p8, lda, panel + p8 * 6);
                }
                for (int r = 0; r < rows; r++)
                {
                    float* src = a + (long)(i0 + ir + r) * lda + p0;
                    for (int p = p8; p < kc; p++) panel[p * mr + r] = src[p];
                }
                for (int r = rows; r < mr; r++)
                    for (int p = 0; p < kc; p++) panel[p * mr + r] = 0f;
            }
        }
    }

    /// <summary>Packs op(B)[p0..p0+kc, j0..j0+nc] as NR-column panels, p-major inside a panel, zero columns past nc.</summary>
    private static void PackB(float* b, int ldb, bool trans, int p0, int kc, int j0, int nc, float* dst, int nr)
    {
        int fullPanels = nc / nr;
        if (!trans && fullPanels > 0)
        {
            // Eight rows of B at a time across every full panel: each source line is used whole while it is in L1, and
            // each panel receives a contiguous run (walking one panel down all kc rows first reads B column-wise).
            for (int p8 = 0; p8 < kc; p8 += 8)
            {
                int rows = Math.Min(8, kc - p8);
                for (int jr = 0; jr < fullPanels * nr; jr += nr)
                {
                    float* d = dst + jr * kc + p8 * nr;
                    float* src = b + (long)(p0 + p8) * ldb + j0 + jr;
                    for (int p = 0; p < rows; p++, src += ldb, d += nr)
                        for (int j = 0; j < nr; j += 8) Vector256.Store(Vector256.Load(src + j), d + j);
                }
            }
            if (fullPanels * nr == nc) return;
            PackB(b, ldb, trans, p0, kc, j0 + fullPanels * nr, nc - fullPanels * nr, dst + fullPanels * nr * kc, nr);
            return;
        }
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            float* panel = dst + jr * kc;
            if (trans)
            {
                // op(B)[p, j] = B[j, p]: each column j of the panel is a contiguous run of B's row j.
                int j8 = 0;
                if (Avx.IsSupported)
                {
                    for (; j8 + 8 <= cols; j8 += 8)
                    {
                        float* src = b + (long)(j0 + jr + j8) * ldb + p0;
                        for (int p = 0; p + 8 <= kc; p += 8) Transpose8x8(src + p, ldb, panel + p * nr + j8, nr);
                    }
                }
                for (int j = 0; j < cols; j++)
                {
                    float* src = b + (long)(j0 + jr + j) * ldb + p0;
                    for (int p = j < j8 ? kc / 8 * 8 : 0; p < kc; p++) panel[p * nr + j] = src[p];
                }
                for (int j = cols; j < nr; j++)
                    for (int p = 0; p < kc; p++) panel[p * nr + j] = 0f;
            }
            else if (cols == nr)
            {
                for (int p = 0; p < kc; p++)
                {
                    float* src = b + (long)(p0 + p) * ldb + j0 + jr;
                    float* d = panel + p * nr;
                    for (int j = 0; j < nr; j += 8) Vector256.Store(Vector256.Load(src + j), d + j);
                }
            }
            else
            {
                for (int p = 0; p < kc; p++)
                {
                    float* src = b + (long)(p0 + p) * ldb + j0 + jr;
                    float* d = panel + p * nr;
                    int j = 0;
                    for (; j < cols; j++) d[j] = src[j];
                    for (; j < nr; j++) d[j] = 0f;
                }
            }
        }
    }

    /// <summary>
    /// dst[q·dstStride + r] = src[r·srcStride + q] for an 8×8 block: eight row loads, the classic
    /// unpack/shuffle/permute transpose, eight contiguous stores (packing with strided scalar stores is
    /// what made A·B and A·Bᵀ slower than Aᵀ·B).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* src, int srcStride, float* dst, int dstStride)
    {
        var r0 = Avx.LoadVector256(src);
        var r1 = Avx.LoadVector256(src + srcStride);
        var r2 = Avx.LoadVector256(src + 2 * srcStride);
        var r3 = Avx.LoadVector256(src + 3 * srcStride);
        var r4 = Avx.LoadVector256(src + 4 * srcStride);
        var r5 = Avx.LoadVector256(src + 5 * srcStride);
        var r6 = Avx.LoadVector256(src + 6 * srcStride);
        var r7 = Avx.LoadVector256(src + 7 * srcStride);
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        var s0 = Avx.Shuffle(t0, t2, 0x44);
        var s1 = Avx.Shuffle(t0, t2, 0xEE);
        var s2 = Avx.Shuffle(t1, t3, 0x44);
        var s3 = Avx.Shuffle(t1, t3, 0xEE);
        var s4 = Avx.Shuffle(t4, t6, 0x44);
        var s5 = Avx.Shuffle(t4, t6, 0xEE);
        var s6 = Avx.Shuffle(t5, t7, 0x44);
        var s7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(dst, Avx.Permute2x128(s0, s4, 0x20));
        Avx.Store(dst + dstStride, Avx.Permute2x128(s1, s5, 0x20));
        Avx.Store(dst + 2 * dstStride, Avx.Permute2x128(s2, s6, 0x20));
        Avx.Store(dst + 3 * dstStride, Avx.Permute2x128(s3, s7, 0x20));
        Avx.Store(dst + 4 * dstStride, Avx.Permute2x128(s0, s4, 0x31));
        Avx.Store(dst + 5 * dstStride, Avx.Permute2x128(s1, s5, 0x31));
        Avx.Store(dst + 6 * dstStride, Avx.Permute2x128(s2, s6, 0x31));
        Avx.Store(dst + 7 * dstStride, Avx.Permute2x128(s3, s7, 0x31));
    }

    /// <summary>
    /// dst[q·6 + r] = src[r·srcStride + q] for 6 rows × 8 columns, with <see cref="Transpose8x8"/>'s shuffles (two rows of
    /// zeros); each of the 8 stores writes 8 floats, the last 2 of them past its column (<see cref="PackSlack"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose6x8(float* src, int srcStride, float* dst)
    {
        var r0 = Avx.LoadVector256(src);
        var r1 = Avx.LoadVector256(src + srcStride);
        var r2 = Avx.LoadVector256(src + 2 * srcStride);
        var r3 = Avx.LoadVector256(src + 3 * srcStride);
        var r4 = Avx.LoadVector256(src + 4 * srcStride);
        var r5 = Avx.LoadVector256(src + 5 * srcStride);
        var zero = Vector256<float>.Zero;
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var s0 = Avx.Shuffle(t0, t2, 0x44);
        var s1 = Avx.Shuffle(t0, t2, 0xEE);
        var s2 = Avx.Shuffle(t1, t3, 0x44);
        var s3 = Avx.Shuffle(t1, t3, 0xEE);
        var s4 = Avx.Shuffle(t4, zero, 0x44);
        var s5 = Avx.Shuffle(t4, zero, 0xEE);
        var s6 = Avx.Shuffle(t5, zero, 0x44);
        var s7 = Avx.Shuffle(t5, zero, 0xEE);
        Avx.Store(dst, Avx.Permute2x128(s0, s4, 0x20));
        Avx.Store(dst + 6, Avx.Permute2x128(s1, s5, 0x20));
        Avx.Store(dst + 12, Avx.Permute2x128(s2, s6, 0x20));
        Avx.Store(dst + 18, Avx.Permute2x128(s3, s7, 0x20));
        Avx.Store(dst + 24, Avx.Permute2x128(s0, s4, 0x31));
        Avx.Store(dst + 30, Avx.Permute2x128(s1, s5, 0x31));
        Avx.Store(dst + 36, Avx.Permute2x128(s2, s6, 0x31));
        Avx.Store(dst + 42, Avx.Permute2x128(s3, s7, 0x31));
    }

    /// <summary>Floats past its end that a packing buffer keeps for <see cref="Transpose6x8"/>'s last store.</summary>
    private const int PackSlack = 8;

    /// <summary>Writes (or adds) a finished tile; edge tiles go through a scratch tile so nothing past C's edge is touched.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreEdge(float* tile, int nr, float* c, int ldc, int rows, int cols, bool overwrite)
    {
        for (int r = 0; r < rows; r++)
        {
            float* dst = c + (long)r * ldc;
            float* src = tile + r * nr;
            if (overwrite) for (int j = 0; j < cols; j++) dst[j] = src[j];
            else for (int j = 0; j < cols; j++) dst[j] += src[j];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put512(Vector512<float> v, float* dst, bool overwrite) =>
        Vector512.Store(overwrite ? v : Vector512.Load(dst) + v, dst);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put256(Vector256<float> v, float* dst, bool overwrite) =>
        Vector256.Store(overwrite ? v : Vector256.Load(dst) + v, dst);

    /// <summary>C[8×32] (+)= Apanel[8×kc]·Bpanel[kc×32] in 16 zmm accumulators; step p reads the 8 values of A at
    /// <c>a + p·aStep</c> and the 32 of B at <c>b + p·bStep</c> (a packed panel, or the operand itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel8x32(int kc, float* a, int aStep, float* b, int bStep, float* c, int ldc, int rows, int cols, bool overwrite)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default, c50 = default, c51 = default, c60 = default, c61 = default, c70 = default, c71 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var x = Vector512.Create(a[0]); c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[1]); c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2]); c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3]); c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4]); c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5]); c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(a[6]); c60 = Vector512.FusedMultiplyAdd(x, b0, c60); c61 = Vector512.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a[7]); c70 = Vector512.FusedMultiplyAdd(x, b0, c70); c71 = Vector512.FusedMultiplyAdd(x, b1, c71);
            a += aStep;
            b += bStep;
        }
        if (rows == 8 && cols == 32)
        {
            Put512(c00, c, overwrite); Put512(c01, c + 16, overwrite); c += ldc;
            Put512(c10, c, overwrite); Put512(c11, c + 16, overwrite); c += ldc;
            Put512(c20, c, overwrite); Put512(c21, c + 16, overwrite); c += ldc;
            Put512(c30, c, overwrite); Put512(c31, c + 16, overwrite); c += ldc;
            Put512(c40, c, overwrite); Put512(c41, c + 16, overwrite); c += ldc;
            Put512(c50, c, overwrite); Put512(c51, c + 16, overwrite); c += ldc;
            Put512(c60, c, overwrite); Put512(c61, c + 16, overwrite); c += ldc;
            Put512(c70, c, overwrite); Put512(c71, c + 16, overwrite);
            return;
        }
        float* t = stackalloc float[8 * 32];
        Vector512.Store(c00, t); Vector512.Store(c01, t + 16);
        Vector512.Store(c10, t + 32); Vector512.Store(c11, t + 48);
        Vector512.Store(c20, t + 64); Vector512.Store(c21, t + 80);
        Vector512.Store(c30, t + 96); Vector512.Store(c31, t + 112);
        Vector512.Store(c40, t + 128); Vector512.Store(c41, t + 144);
        Vector512.Store(c50, t + 160); Vector512.Store(c51, t + 176);
        Vector512.Store(c60, t + 192); Vector512.Store(c61, t + 208);
        Vector512.Store(c70, t + 224); Vector512.Store(c71, t + 240);
        StoreEdge(t, 32, c, ldc, rows, cols, overwrite);
    }

    /// <summary>C[6×16] (+)= Apanel[6×kc]·Bpanel[kc×16] in 12 ymm accumulators (AVX2 machines); step p reads A at
    /// <c>a + p·aStep</c> and B at <c>b + p·bStep</c>, as <see cref="Kernel8x32"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel6x16(int kc, float* a, int aStep, float* b, int bStep, float* c, int ldc, int rows, int cols, bool overwrite)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        if (Sse.IsSupported && rows == 6 && kc >= 64)
        {
            // The tile of C is read (or written) only after the k loop; fetching its lines now hides their latency behind a
            // long enough loop.
            float* r = c;
            for (int i = 0; i < 6; i++, r += ldc)
            {
                Sse.Prefetch0(r);
                Sse.Prefetch0(r + 15);
            }
        }
        int p = 0;
        if (aStep == 6 && bStep == 16)
        {
            // Packed panels: four steps per iteration at constant offsets (the same FMAs in the same order).
            for (; p + 4 <= kc; p += 4)
            {
                Vector256<float> b0, b1, x;
                b0 = Vector256.Load(b + 0);
                b1 = Vector256.Load(b + 8);
                x = Vector256.Create(a[0]); c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
                x = Vector256.Create(a[1]); c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
                x = Vector256.Create(a[2]); c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
                x = Vector256.Create(a[3]); c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
                x = Vector256.Create(a[4]); c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
                x = Vector256.Create(a[5]); c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
                b0 = Vector256.Load(b + 16);
                b1 = Vector256.Load(b + 24);
                x = Vector256.Create(a[6]); c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
                x = Vector256.Create(a[7]); c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
                x = Vector256.Create(a[8]); c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
                x = Vector256.Create(a[9]); c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
                x = Vector256.Create(a[10]); c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
                x = Vector256.Create(a[11]); c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
                b0 = Vector256.Load(b + 32);
                b1 = Vector256.Load(b + 40);
                x = Vector256.Create(a[12]); c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
                x = Vector256.Create(a[13]); c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
                x = Vector256.Create(a[14]); c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
                x = Vector256.Create(a[15]); c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
                x = Vector256.Create(a[16]); c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
                x = Vector256.Create(a[17]); c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
                b0 = Vector256.Load(b + 48);
                b1 = Vector256.Load(b + 56);
                x = Vector256.Create(a[18]); c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
                x = Vector256.Create(a[19]); c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
                x = Vector256.Create(a[20]); c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
                x = Vector256.Create(a[21]); c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
                x = Vector256.Create(a[22]); c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
                x = Vector256.Create(a[23]); c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
                a += 24;
                b += 64;
            }
        }
        for (; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var x = Vector256.Create(a[0]); c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[1]); c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2]); c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3]); c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(a[4]); c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(a[5]); c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
            a += aStep;
            b += bStep;
        }
        if (rows == 6 && cols == 16)
        {
            Put256(c00, c, overwrite); Put256(c01, c + 8, overwrite); c += ldc;
            Put256(c10, c, overwrite); Put256(c11, c + 8, overwrite); c += ldc;
            Put256(c20, c, overwrite); Put256(c21, c + 8, overwrite); c += ldc;
            Put256(c30, c, overwrite); Put256(c31, c + 8, overwrite); c += ldc;
            Put256(c40, c, overwrite); Put256(c41, c + 8, overwrite); c += ldc;
            Put256(c50, c, overwrite); Put256(c51, c + 8, overwrite);
            return;
        }
        float* t = stackalloc float[6 * 16];
        Vector256.Store(c00, t); Vector256.Store(c01, t + 8);
        Vector256.Store(c10, t + 16); Vector256.Store(c11, t + 24);
        Vector256.Store(c20, t + 32); Vector256.Store(c21, t + 40);
        Vector256.Store(c30, t + 48); Vector256.Store(c31, t + 56);
        Vector256.Store(c40, t + 64); Vector256.Store(c41, t + 72);
        Vector256.Store(c50, t + 80); Vector256.Store(c51, t + 88);
        StoreEdge(t, 16, c, ldc, rows, cols, overwrite);
    }
}
