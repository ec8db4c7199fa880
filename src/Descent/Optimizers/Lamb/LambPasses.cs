using System.Numerics;
using System.Runtime.CompilerServices;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// LAMB's two passes over a group when it takes a trust ratio. The first updates both averages and sums
/// <c>p²</c> and <c>u²</c> with the same bits at every register width and thread count: blocks of
/// <see cref="GradientNorm.Block"/> elements, each summing its whole 16-element chunks into 16 virtual lanes (element
/// <c>i</c> into lane <c>i mod 16</c>, one fused multiply-add each), the lanes folded in order, then its last
/// elements added one fused multiply-add at a time, all in the working precision; the blocks added in order in
/// double precision. (<see cref="SumOfSquares{T}"/> sums a gradient the same way, for the global norm.) The second recomputes the update from the stored averages and moves the
/// parameters by it times the ratio.
/// </summary>
internal static unsafe class LambPasses
{
    private const int Block = GradientNorm.Block;
    private const int Lanes = 16;

    /// <summary>How many doubles of work space the reduction pass needs for <paramref name="length"/> elements.</summary>
    public static int PartialsFor(int length) => 2 * GradientNorm.PartialsFor(length);

    /// <summary>Updates <paramref name="m"/> and <paramref name="v"/>; returns <c>Σp²</c> and <c>Σu²</c>.</summary>
    public static (double Parameters, double Update) MomentsAndNorms<T>(KernelSettings settings, in GradientPrologue<T> pre, in LambUpdate<T> op,
        Span<T> p, ReadOnlySpan<T> g, Span<T> m, Span<T> v, Span<double> partials) where T : unmanaged, IFloatingPointIeee754<T> =>
        settings.Effective switch
        {
            VectorWidth.V512 => MomentsAndNorms<T, Lanes512<T>>(settings, pre, op, p, g, m, v, partials),
            VectorWidth.V256 => MomentsAndNorms<T, Lanes256<T>>(settings, pre, op, p, g, m, v, partials),
            VectorWidth.V128 => MomentsAndNorms<T, Lanes128<T>>(settings, pre, op, p, g, m, v, partials),
            _ => MomentsAndNorms<T, Lane<T>>(settings, pre, op, p, g, m, v, partials),
        };

    /// <summary>The same with lanes <typeparamref name="TV"/>.</summary>
    public static (double Parameters, double Update) MomentsAndNorms<T, TV>(KernelSettings settings, in GradientPrologue<T> pre, in LambUpdate<T> op,
        Span<T> p, ReadOnlySpan<T> g, Span<T> m, Span<T> v, Span<double> partials)
        where T : unmanaged, IFloatingPointIeee754<T> where TV : struct, ILanes<TV, T>
    {
        int blocks = GradientNorm.PartialsFor(p.Length);
        if (partials.Length < 2 * blocks) throw new ArgumentException($"Need {2 * blocks} partial sums, got {partials.Length}.", nameof(partials));
        fixed (T* pp = p, gp = g, mp = m, vp = v)
        fixed (double* sums = partials)
        {
            var body = new NormBody<T, TV>(pre, op, pp, gp, mp, vp, p.Length, sums);
            int threads = settings.ThreadsFor(p.Length);
            if (threads <= 1) body.Run(0, blocks);
            else
            {
                nint chunk = ((nint)blocks + threads - 1) / threads;
                int parts = (int)((blocks + chunk - 1) / chunk);
                KernelWorkers.Run(&KernelWorkers.Invoke<NormBody<T, TV>>, Unsafe.AsPointer(ref body), blocks, chunk, parts);
            }
            double sumP = 0, sumU = 0;
            for (int b = 0; b < blocks; b++)
            {
                sumP += sums[2 * b];
                sumU += sums[2 * b + 1];
            }
            return (sumP, sumU);
        }
    }

    /// <summary>Σg² of the gradient as <paramref name="pre"/> leaves it (clipped), in the order of the class summary.</summary>
    public static double SumOfSquares<T>(KernelSettings settings, in GradientPrologue<T> pre, ReadOnlySpan<T> g, Span<double> partials)
        where T : unmanaged, IFloatingPointIeee754<T> => settings.Effective switch
        {
            VectorWidth.V512 => SumOfSquares<T, Lanes512<T>>(settings, pre, g, partials),
            VectorWidth.V256 => SumOfSquares<T, Lanes256<T>>(settings, pre, g, partials),
            VectorWidth.V128 => SumOfSquares<T, Lanes128<T>>(settings, pre, g, partials),
            _ => SumOfSquares<T, Lane<T>>(settings, pre, g, partials),
        };

    /// <summary>The same with lanes <typeparamref name="TV"/>.</summary>
    public static double SumOfSquares<T, TV>(KernelSettings settings, in GradientPrologue<T> pre, ReadOnlySpan<T> g, Span<double> partials)
        where T : unmanaged, IFloatingPointIeee754<T> where TV : struct, ILanes<TV, T>
    {
        int blocks = GradientNorm.PartialsFor(g.Length);
        if (partials.Length < blocks) throw new ArgumentException($"Need {blocks} partial sums, got {partials.Length}.", nameof(partials));
        fixed (T* gp = g)
        fixed (double* sums = partials)
        {
            var body = new GradientBody<T, TV>(pre, gp, g.Length, sums);
            int threads = settings.ThreadsFor(g.Length);
            if (threads <= 1) body.Run(0, blocks);
            else
            {
                nint chunk = ((nint)blocks + threads - 1) / threads;
                int parts = (int)((blocks + chunk - 1) / chunk);
                KernelWorkers.Run(&KernelWorkers.Invoke<GradientBody<T, TV>>, Unsafe.AsPointer(ref body), blocks, chunk, parts);
            }
            double sum = 0;
            for (int b = 0; b < blocks; b++) sum += sums[b];
            return sum;
        }
    }

    private readonly struct GradientBody<T, TV>(GradientPrologue<T> pre, T* g, int length, double* sums) : IRangeBody
        where T : unmanaged, IFloatingPointIeee754<T> where TV : struct, ILanes<TV, T>
    {
        public void Run(nint start, nint end)
        {
            T* acc = stackalloc T[Lanes];
            T* tail = stackalloc T[Lanes];
            for (nint b = start; b < end; b++)
            {
                nint offset = b * Block;
                int n = (int)Math.Min(Block, length - offset);
                for (int k = 0; k < Lanes; k++) acc[k] = T.Zero;
                int i = 0;
                for (; i <= n - Lanes; i += Lanes)
                    for (int r = 0; r < Lanes; r += TV.Count)
                    {
                        TV pv = default, gv = TV.Load(ref g[offset + i + r]);
                        pre.Apply(ref pv, ref gv);
                        TV.Store(TV.FusedMultiplyAdd(gv, gv, TV.Load(ref acc[r])), ref acc[r]);
                    }
                T sum = Fold(acc);
                int count = 0;
                for (; i < n; i++, count++)
                {
                    Lane<T> pl = default, gl = new(g[offset + i]);
                    pre.Apply(ref pl, ref gl);
                    tail[count] = gl.Value;
                }
                sum = Tail(sum, tail, count);
                sums[b] = double.CreateTruncating(sum);
            }
        }
    }

    /// <summary>The 16 virtual lanes added left to right.</summary>
    private static T Fold<T>(T* lanes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sum = lanes[0];
        for (int k = 1; k < Lanes; k++) sum += lanes[k];
        return sum;
    }

    /// <summary>
    /// Adds the squares of a block's last <paramref name="count"/> (&lt; 16) elements to <paramref name="sum"/> in the order
    /// torch 1.13's CPU norm uses for so short a vector, so that a small group (a landscape's point, a layer's bias)
    /// gets torch's bits: doubles one fused multiply-add at a time; floats first in 8 (or, for 4 to 7 elements, 4)
    /// fused lanes folded left to right, the rest one fused multiply-add at a time.
    /// </summary>
    private static T SquaresInOrder<T>(T sum, T* x, int count) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Keras's sum(power(w, 2)) on a short vector: each square rounded, then added in order.
        for (int d = 0; d < count; d++) sum += x[d] * x[d];
        return sum;
    }

    private static T Tail<T>(T sum, T* x, int count) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = 0;
        int lanes = typeof(T) != typeof(float) ? 0 : count >= 8 ? 8 : count >= 4 ? 4 : 0;
        if (lanes > 0)
        {
            T* acc = stackalloc T[8];
            for (int j = 0; j < lanes; j++) acc[j] = T.FusedMultiplyAdd(x[j], x[j], T.Zero);
            T folded = acc[0];
            for (int j = 1; j < lanes; j++) folded += acc[j];
            sum += folded;
            d = lanes;
        }
        for (; d < count; d++) sum = T.FusedMultiplyAdd(x[d], x[d], sum);
        return sum;
    }

    /// <summary>The second pass: <c>p ← fma(−lr, u·ratio, p)</c> with <c>u</c> recomputed from the averages.</summary>
    public static void Step<T>(KernelSettings settings, in LambUpdate<T> op, Span<T> p, ReadOnlySpan<T> m, ReadOnlySpan<T> v)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (settings.Effective)
        {
            case VectorWidth.V512: Step<T, Lanes512<T>>(settings, op, p, m, v); break;
            case VectorWidth.V256: Step<T, Lanes256<T>>(settings, op, p, m, v); break;
            case VectorWidth.V128: Step<T, Lanes128<T>>(settings, op, p, m, v); break;
            default: Step<T, Lane<T>>(settings, op, p, m, v); break;
        }
    }

    /// <summary>The same with lanes <typeparamref name="TV"/>.</summary>
    public static void Step<T, TV>(KernelSettings settings, in LambUpdate<T> op, Span<T> p, ReadOnlySpan<T> m, ReadOnlySpan<T> v)
        where T : unmanaged, IFloatingPointIeee754<T> where TV : struct, ILanes<TV, T>
    {
        fixed (T* pp = p, mp = m, vp = v) UpdateLoop.RunRange(settings, new StepBody<T, TV>(op, pp, mp, vp), p.Length);
    }

    private readonly struct StepBody<T, TV>(LambUpdate<T> op, T* p, T* m, T* v) : IRangeBody
        where T : unmanaged, IFloatingPointIeee754<T> where TV : struct, ILanes<TV, T>
    {
        public void Run(nint i, nint end)
        {
            for (; i <= end - TV.Count; i += TV.Count)
            {
                var pv = TV.Load(ref p[i]);
                op.Step(ref pv, op.Direction(pv, TV.Load(ref m[i]), TV.Load(ref v[i])));
                TV.Store(pv, ref p[i]);
            }
            for (; i < end; i++)
            {
                var pl = new Lane<T>(p[i]);
                op.Step(ref pl, op.Direction(pl, new Lane<T>(m[i]), new Lane<T>(v[i])));
                p[i] = pl.Value;
            }
        }
    }

    private readonly struct NormBody<T, TV>(GradientPrologue<T> pre, LambUpdate<T> op, T* p, T* g, T* m, T* v, int length, double* sums) : IRangeBody
        where T : unmanaged, IFloatingPointIeee754<T> where TV : struct, ILanes<TV, T>
    {
        public void Run(nint start, nint end)
        {
            T* accP = stackalloc T[Lanes];
            T* accU = stackalloc T[Lanes];
            T* tailP = stackalloc T[Lanes];
            T* tailU = stackalloc T[Lanes];
            for (nint b = start; b < end; b++)
            {
                nint offset = b * Block;
                int n = (int)Math.Min(Block, length - offset);
                for (int k = 0; k < Lanes; k++) accP[k] = accU[k] = T.Zero;
                int i = 0;
                for (; i <= n - Lanes; i += Lanes)
                    for (int r = 0; r < Lanes; r += TV.Count)
                    {
                        nint at = offset + i + r;
                        var pv = TV.Load(ref p[at]);
                        var gv = TV.Load(ref g[at]);
                        var mv = TV.Load(ref m[at]);
                        var vv = TV.Load(ref v[at]);
                        pre.Apply(ref pv, ref gv);
                        // Keras's decoupled decay (keras convention) moves p before the norms; timm's decay is in u.
                        if (pre.ChangesParameter) TV.Store(pv, ref p[at]);
                        op.Moments(gv, ref mv, ref vv);
                        var u = op.Direction(pv, mv, vv);
                        TV.Store(mv, ref m[at]);
                        TV.Store(vv, ref v[at]);
                        if (op.IsKeras)
                        {
                            TV.Store(TV.Load(ref accP[r]) + pv * pv, ref accP[r]);
                            TV.Store(TV.Load(ref accU[r]) + u * u, ref accU[r]);
                        }
                        else
                        {
                            TV.Store(TV.FusedMultiplyAdd(pv, pv, TV.Load(ref accP[r])), ref accP[r]);
                            TV.Store(TV.FusedMultiplyAdd(u, u, TV.Load(ref accU[r])), ref accU[r]);
                        }
                    }
                T sumP = Fold(accP), sumU = Fold(accU);
                int tail = 0;
                for (; i < n; i++, tail++)
                {
                    nint at = offset + i;
                    var pl = new Lane<T>(p[at]);
                    var gl = new Lane<T>(g[at]);
                    var ml = new Lane<T>(m[at]);
                    var vl = new Lane<T>(v[at]);
                    pre.Apply(ref pl, ref gl);
                    if (pre.ChangesParameter) p[at] = pl.Value;
                    op.Moments(gl, ref ml, ref vl);
                    var u = op.Direction(pl, ml, vl);
                    m[at] = ml.Value;
                    v[at] = vl.Value;
                    tailP[tail] = pl.Value;
                    tailU[tail] = u.Value;
                }
                sumP = op.IsKeras ? SquaresInOrder(sumP, tailP, tail) : Tail(sumP, tailP, tail);
                sumU = op.IsKeras ? SquaresInOrder(sumU, tailU, tail) : Tail(sumU, tailU, tail);
                sums[2 * b] = double.CreateTruncating(sumP);
                sums[2 * b + 1] = double.CreateTruncating(sumU);
            }
        }
    }
}
