using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Descent.Benchmarks;

/// <summary>
/// A frozen copy of the GEMM before the AVX2 tuning (issue 9), timed beside the current one and checked for the same bits.
/// Single-precision matrix multiply <c>C = op(A)·op(B)</c> (or <c>C += op(A)·op(B)</c>) on row-major
/// matrices, with the transposition variants backpropagation needs: <c>A·B</c> (forward),
/// <c>Aᵀ·B</c> (weight gradients), <c>A·Bᵀ</c> (input gradients).
/// </summary>
/// <remarks>
/// The classic Goto/BLIS scheme: <c>op(B)</c> is packed in <c>KC×NR</c> panels, <c>op(A)</c> in
/// <c>MR×KC</c> panels, and a register-blocked micro-kernel (8×32 with AVX-512, 6×16 with AVX2)
/// accumulates each tile with fused multiply-adds. Threads own disjoint row ranges of C, and every
/// element of C is summed in the same order (k ascending, in blocks of <see cref="KC"/>) whatever the
/// thread count or vector width, so results are bit-identical from run to run and from 1 to N threads.
/// </remarks>
internal static unsafe class LegacyGemm
{
    /// <summary>Depth of one packed block: the panels of A and B for one micro-kernel call stay in L1/L2.</summary>
    internal const int KC = 256;

    /// <summary>Columns of one packed block of B.</summary>
    internal const int NC = 512;

    /// <summary>Below this many multiply-adds (m·n·k) a call runs on the calling thread alone.</summary>
    internal const long ParallelThreshold = 1L << 19;

    /// <summary>True where AVX-512 runs at full speed: the 8×32 kernel; otherwise the 6×16 AVX2 kernel.</summary>
    internal static readonly bool Wide = Vector512.IsHardwareAccelerated;

    private static int RowsPerTile(bool wide) => wide ? 8 : 6;
    private static int ColumnsPerTile(bool wide) => wide ? 32 : 16;
    private const int TilesPerBlock = 16;

    [ThreadStatic] private static float[]? t_packA;
    [ThreadStatic] private static float[]? t_packB;

    /// <summary>
    /// Computes <c>C = op(A)·op(B)</c>, or <c>C += op(A)·op(B)</c> when <paramref name="accumulate"/> is set.
    /// op(A) is <paramref name="m"/>×<paramref name="k"/>: A is stored m×k, or k×m when <paramref name="transposeA"/>.
    /// op(B) is <paramref name="k"/>×<paramref name="n"/>: B is stored k×n, or n×k when <paramref name="transposeB"/>.
    /// C is stored m×n. All row-major and dense (leading dimension = stored column count).
    /// </summary>
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

        fixed (float* pa = a, pb = b, pc = c)
        {
            var job = new Job((nint)pa, transposeA ? m : k, transposeA, (nint)pb, transposeB ? k : n, transposeB, (nint)pc, n, m, n, k, accumulate, wide);
            int MR = RowsPerTile(wide);
            int threads = maxThreads == 0 ? Environment.ProcessorCount : Math.Min(maxThreads, Environment.ProcessorCount);
            int rowTiles = (m + MR - 1) / MR;
            int blocks = Math.Min(threads, rowTiles);
            if (blocks <= 1 || (long)m * n * k < ParallelThreshold)
            {
                job.Rows(0, m);
                return;
            }
            int rowsPerBlock = (rowTiles + blocks - 1) / blocks * MR;
            blocks = (m + rowsPerBlock - 1) / rowsPerBlock;
            Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads },
                i => job.Rows(i * rowsPerBlock, Math.Min(m, (i + 1) * rowsPerBlock)));
        }
    }

    private readonly record struct Job(nint A, int Lda, bool TransA, nint B, int Ldb, bool TransB, nint C, int Ldc, int M, int N, int K, bool Accumulate, bool Wide)
    {
        /// <summary>Computes rows [r0, r1) of C; no other thread writes them.</summary>
        public void Rows(int r0, int r1)
        {
            int MR = RowsPerTile(Wide), NR = ColumnsPerTile(Wide), MC = MR * TilesPerBlock;
            // Sized for the larger kernel, so either kernel can use a thread's buffers.
            float[] packA = t_packA ??= GC.AllocateUninitializedArray<float>(8 * TilesPerBlock * KC, pinned: true);
            float[] packB = t_packB ??= GC.AllocateUninitializedArray<float>(KC * ((NC + 31) / 32 * 32), pinned: true);
            fixed (float* pA = packA, pB = packB)
            {
                float* a = (float*)A, b = (float*)B, c = (float*)C;
                for (int pc = 0; pc < K; pc += KC)
                {
                    int kc = Math.Min(KC, K - pc);
                    bool overwrite = pc == 0 && !Accumulate;
                    for (int jc = 0; jc < N; jc += NC)
                    {
                        int nc = Math.Min(NC, N - jc);
                        PackB(b, Ldb, TransB, pc, kc, jc, nc, pB, NR);
                        for (int ic = r0; ic < r1; ic += MC)
                        {
                            int mc = Math.Min(MC, r1 - ic);
                            PackA(a, Lda, TransA, ic, mc, pc, kc, pA, MR);
                            for (int jr = 0; jr < nc; jr += NR)
                            {
                                int cols = Math.Min(NR, nc - jr);
                                float* bPanel = pB + jr * kc;
                                for (int ir = 0; ir < mc; ir += MR)
                                {
                                    int rows = Math.Min(MR, mc - ir);
                                    float* cTile = c + (long)(ic + ir) * Ldc + jc + jr;
                                    if (Wide) Kernel8x32(kc, pA + ir * kc, bPanel, cTile, Ldc, rows, cols, overwrite);
                                    else Kernel6x16(kc, pA + ir * kc, bPanel, cTile, Ldc, rows, cols, overwrite);
                                }
                            }
                        }
                    }
                }
            }
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
                for (int p = 0; p < kc; p++)
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

    /// <summary>C[8×32] (+)= Apanel[8×kc]·Bpanel[kc×32] in 16 zmm accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel8x32(int kc, float* a, float* b, float* c, int ldc, int rows, int cols, bool overwrite)
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
            a += 8;
            b += 32;
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

    /// <summary>C[6×16] (+)= Apanel[6×kc]·Bpanel[kc×16] in 12 ymm accumulators (AVX2 machines).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel6x16(int kc, float* a, float* b, float* c, int ldc, int rows, int cols, bool overwrite)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var x = Vector256.Create(a[0]); c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[1]); c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2]); c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3]); c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(a[4]); c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(a[5]); c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
            a += 6;
            b += 16;
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
