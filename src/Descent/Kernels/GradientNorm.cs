using System.Numerics;
using System.Runtime.CompilerServices;

namespace Descent.Kernels;

/// <summary>
/// The L2 norm of a gradient buffer in one pass, with the same bits at every register width and
/// thread count: the buffer is cut into blocks of <see cref="Block"/> elements, each block sums
/// squares (one fused multiply-add each) into 16 virtual lanes — element <c>i</c> of a block into
/// lane <c>i mod 16</c>, whichever registers hold the lanes — and the lanes, then the blocks, are
/// added in order in double precision. Large buffers step their blocks on the kernel workers.
/// </summary>
public static unsafe class GradientNorm
{
    /// <summary>Elements per partial sum.</summary>
    public const int Block = 4096;

    private const int Lanes = 16;

    /// <summary>How many partial sums <see cref="L2{T}(KernelSettings, ReadOnlySpan{T}, Span{double})"/> needs for <paramref name="length"/> elements.</summary>
    public static int PartialsFor(int length) => (length + Block - 1) / Block;

    /// <summary>√(Σ g²) with <paramref name="settings"/>' width and threads, using <paramref name="partials"/> (at least <see cref="PartialsFor"/> long) as work space.</summary>
    public static double L2<T>(KernelSettings settings, ReadOnlySpan<T> g, Span<double> partials) where T : unmanaged, IFloatingPointIeee754<T> =>
        Math.Sqrt(SumOfSquares(settings, g, partials));

    /// <summary>Σ g² in the fixed order described on the class, with <paramref name="settings"/>' width and threads.</summary>
    public static double SumOfSquares<T>(KernelSettings settings, ReadOnlySpan<T> g, Span<double> partials) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Effective switch
        {
            VectorWidth.V512 => SumOfSquares<T, Lanes512<T>>(settings, g, partials),
            VectorWidth.V256 => SumOfSquares<T, Lanes256<T>>(settings, g, partials),
            VectorWidth.V128 => SumOfSquares<T, Lanes128<T>>(settings, g, partials),
            _ => SumOfSquares<T, Lane<T>>(settings, g, partials),
        };
    }

    /// <summary>Σ g² with lanes <typeparamref name="TV"/> and <paramref name="settings"/>' threads (tests call each width directly).</summary>
    public static double SumOfSquares<T, TV>(KernelSettings settings, ReadOnlySpan<T> g, Span<double> partials)
        where T : unmanaged, IFloatingPointIeee754<T> where TV : struct, ILanes<TV, T>
    {
        ArgumentNullException.ThrowIfNull(settings);
        int blocks = PartialsFor(g.Length);
        if (partials.Length < blocks) throw new ArgumentException($"Need {blocks} partial sums, got {partials.Length}.", nameof(partials));
        fixed (T* gp = g)
        fixed (double* pp = partials)
        {
            var body = new Body<T, TV>(gp, g.Length, pp);
            int threads = settings.ThreadsFor(g.Length);
            if (threads <= 1) body.Run(0, blocks);
            else
            {
                nint chunk = ((nint)blocks + threads - 1) / threads;
                int parts = (int)((blocks + chunk - 1) / chunk);
                KernelWorkers.Run(&KernelWorkers.Invoke<Body<T, TV>>, Unsafe.AsPointer(ref body), blocks, chunk, parts);
            }
            double sum = 0;
            for (int b = 0; b < blocks; b++) sum += pp[b];
            return sum;
        }
    }

    /// <summary>The partial sums of blocks <c>[start, end)</c>.</summary>
    private readonly struct Body<T, TV>(T* g, int length, double* partials) : IRangeBody
        where T : unmanaged, IFloatingPointIeee754<T> where TV : struct, ILanes<TV, T>
    {
        public void Run(nint start, nint end)
        {
            for (nint b = start; b < end; b++)
            {
                nint offset = b * Block;
                partials[b] = BlockSum(g + offset, (int)Math.Min(Block, length - offset));
            }
        }

        private static double BlockSum(T* g, int n)
        {
            T* acc = stackalloc T[Lanes];
            int i = 0;
            // Registers for the 16 virtual lanes; the JIT keeps one branch per lane width.
            if (Lanes / TV.Count == 1)
            {
                TV a0 = TV.Broadcast(T.Zero);
                for (; i <= n - Lanes; i += Lanes)
                {
                    var x0 = TV.Load(ref g[i]);
                    a0 = TV.FusedMultiplyAdd(x0, x0, a0);
                }
                TV.Store(a0, ref acc[0]);
            }
            else if (Lanes / TV.Count == 2)
            {
                TV a0 = TV.Broadcast(T.Zero), a1 = a0;
                for (; i <= n - Lanes; i += Lanes)
                {
                    var x0 = TV.Load(ref g[i]);
                    var x1 = TV.Load(ref g[i + TV.Count]);
                    a0 = TV.FusedMultiplyAdd(x0, x0, a0);
                    a1 = TV.FusedMultiplyAdd(x1, x1, a1);
                }
                TV.Store(a0, ref acc[0]);
                TV.Store(a1, ref acc[TV.Count]);
            }
            else if (Lanes / TV.Count == 4)
            {
                TV a0 = TV.Broadcast(T.Zero), a1 = a0, a2 = a0, a3 = a0;
                for (; i <= n - Lanes; i += Lanes)
                {
                    var x0 = TV.Load(ref g[i]);
                    var x1 = TV.Load(ref g[i + TV.Count]);
                    var x2 = TV.Load(ref g[i + 2 * TV.Count]);
                    var x3 = TV.Load(ref g[i + 3 * TV.Count]);
                    a0 = TV.FusedMultiplyAdd(x0, x0, a0);
                    a1 = TV.FusedMultiplyAdd(x1, x1, a1);
                    a2 = TV.FusedMultiplyAdd(x2, x2, a2);
                    a3 = TV.FusedMultiplyAdd(x3, x3, a3);
                }
                TV.Store(a0, ref acc[0]);
                TV.Store(a1, ref acc[TV.Count]);
                TV.Store(a2, ref acc[2 * TV.Count]);
                TV.Store(a3, ref acc[3 * TV.Count]);
            }
            else
            {
                for (int k = 0; k < Lanes; k++) acc[k] = T.Zero;
                for (; i <= n - Lanes; i += Lanes)
                    for (int r = 0; r < Lanes; r += TV.Count)
                    {
                        var x = TV.Load(ref g[i + r]);
                        TV.Store(TV.FusedMultiplyAdd(x, x, TV.Load(ref acc[r])), ref acc[r]);
                    }
            }
            for (int k = 0; i < n; i++, k++) acc[k] = T.FusedMultiplyAdd(g[i], g[i], acc[k]);
            double sum = 0;
            for (int k = 0; k < Lanes; k++) sum += double.CreateTruncating(acc[k]);
            return sum;
        }
    }
}
