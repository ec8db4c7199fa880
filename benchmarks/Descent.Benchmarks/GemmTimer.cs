using System.Diagnostics;
using System.Globalization;
using Descent.Training.Tensors;

namespace Descent.Benchmarks;

/// <summary>
/// <c>gemm [threads] [repeats] [rows|columns]</c>: GFLOP/s of <see cref="Gemm"/> beside <see cref="LegacyGemm"/> (the GEMM before the AVX2
/// tuning) on the dense layers' products at batch 128, timed alternately in one process so that a busy shared machine
/// slows both alike; each figure is the best of the repeats, in wall time and in the process's CPU time, and the ratio of the median CPU times too. Before timing, every product is checked for the same bits
/// as the legacy GEMM (plain and accumulating), since the training runs quoted in the gallery depend on them.
/// </summary>
public static class GemmTimer
{
    /// <summary>The dense products of the Adam paper's 784-1000-1000-10 MLP and of <c>mlp</c> 784-256-256-10, batch 128.</summary>
    private static readonly GemmShape[] Shapes =
    [
        new("fwd 784-1000", 128, 1000, 784, false, false),
        new("fwd 1000-1000", 128, 1000, 1000, false, false),
        new("fwd 1000-10", 128, 10, 1000, false, false),
        new("dW 784-1000", 784, 1000, 128, true, false),
        new("dW 1000-1000", 1000, 1000, 128, true, false),
        new("dW 1000-10", 1000, 10, 128, true, false),
        new("dX 1000-1000", 128, 1000, 1000, false, true),
        new("dX 1000-10", 128, 1000, 10, false, true),
        new("fwd 784-256", 128, 256, 784, false, false),
        new("dW 784-256", 784, 256, 128, true, false),
        new("dX 256-256", 128, 256, 256, false, true),
    ];

    /// <summary>Runs the comparison; returns the process exit code (1 when some product's bits differ).</summary>
    public static int Run(string[] args)
    {
        int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
        int repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
        // Internal switches of Gemm, for comparing its paths: "rows"/"columns" forces the split.
        var flags = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static;
        foreach (string option in args.Skip(3))
        {
            if (option is "rows" or "columns") typeof(Gemm).GetProperty("ColumnChunks", flags)!.SetValue(null, option == "columns");
            else throw new ArgumentException($"unknown gemm option '{option}'; valid: rows, columns");
        }
        int failures = 0;
        double newTotal = 0, oldTotal = 0, cpuNewTotal = 0, cpuOldTotal = 0, medianNewTotal = 0, medianOldTotal = 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threads {(threads == 0 ? Environment.ProcessorCount : threads)}, best of {repeats}"));
        foreach (var s in Shapes)
        {
            var random = new Random(1);
            var a = new float[s.M * s.K];
            var b = new float[s.K * s.N];
            for (int i = 0; i < a.Length; i++) a[i] = (float)random.NextDouble() - 0.5f;
            for (int i = 0; i < b.Length; i++) b[i] = (float)random.NextDouble() - 0.5f;
            var c = new float[s.M * s.N];
            var start = new float[s.M * s.N];
            for (int i = 0; i < start.Length; i++) start[i] = (float)random.NextDouble() - 0.5f;
            foreach (bool accumulate in new[] { false, true })
            {
                var want = (float[])start.Clone();
                var got = (float[])start.Clone();
                LegacyGemm.Multiply(a, s.TransposeA, b, s.TransposeB, want, s.M, s.N, s.K, accumulate, threads);
                Gemm.Multiply(a, s.TransposeA, b, s.TransposeB, got, s.M, s.N, s.K, accumulate, threads);
                if (!want.AsSpan().SequenceEqual(got))
                {
                    failures++;
                    Console.WriteLine($"{s.Name} accumulate={accumulate}: DIFFERENT BITS from the legacy GEMM");
                }
            }
            // Short samples (about 2 ms of work at 30 GFLOP/s), many of them: on a shared machine the best ones ran undisturbed.
            int calls = Math.Max(1, (int)(0.002 * 30e9 / s.Flops));
            double bestNew = double.MaxValue, bestOld = double.MaxValue, cpuNew = double.MaxValue, cpuOld = double.MaxValue;
            var samplesNew = new List<double>();
            var samplesOld = new List<double>();
            for (int r = 0; r < repeats; r++)
            {
                double cpu = ProcessCpuSeconds();
                long t = Stopwatch.GetTimestamp();
                for (int i = 0; i < calls; i++) LegacyGemm.Multiply(a, s.TransposeA, b, s.TransposeB, c, s.M, s.N, s.K, false, threads);
                bestOld = Math.Min(bestOld, Stopwatch.GetElapsedTime(t).TotalSeconds / calls);
                samplesOld.Add((ProcessCpuSeconds() - cpu) / calls);
                cpuOld = Math.Min(cpuOld, samplesOld[^1]);
                cpu = ProcessCpuSeconds();
                t = Stopwatch.GetTimestamp();
                for (int i = 0; i < calls; i++) Gemm.Multiply(a, s.TransposeA, b, s.TransposeB, c, s.M, s.N, s.K, false, threads);
                bestNew = Math.Min(bestNew, Stopwatch.GetElapsedTime(t).TotalSeconds / calls);
                samplesNew.Add((ProcessCpuSeconds() - cpu) / calls);
                cpuNew = Math.Min(cpuNew, samplesNew[^1]);
            }
            samplesNew.Sort();
            samplesOld.Sort();
            double medianNew = samplesNew[samplesNew.Count / 2], medianOld = samplesOld[samplesOld.Count / 2];
            medianNewTotal += medianNew;
            medianOldTotal += medianOld;
            cpuNewTotal += cpuNew;
            cpuOldTotal += cpuOld;
            newTotal += bestNew;
            oldTotal += bestOld;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Name,-14} m={s.M,4} n={s.N,4} k={s.K,4}  wall: legacy {bestOld * 1e3,7:F3} ms, new {bestNew * 1e3,7:F3} ms, ×{bestOld / bestNew:F2}   CPU: legacy {s.Flops / cpuOld / 1e9,5:F1}, new {s.Flops / cpuNew / 1e9,5:F1} GFLOP/CPU-s, ×{cpuOld / cpuNew:F2} (median ×{medianOld / medianNew:F2})"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sum of the products: legacy {oldTotal * 1e3:F2} ms, new {newTotal * 1e3:F2} ms, ×{oldTotal / newTotal:F2}; CPU time legacy {cpuOldTotal * 1e3:F2} ms, new {cpuNewTotal * 1e3:F2} ms, ×{cpuOldTotal / cpuNewTotal:F2}; median CPU time legacy {medianOldTotal * 1e3:F2} ms, new {medianNewTotal * 1e3:F2} ms, ×{medianOldTotal / medianNewTotal:F2}"));
        return failures == 0 ? 0 : 1;
    }

    /// <summary>CPU time of the whole process (all threads), which a busy shared machine inflates far less than wall time.</summary>
    private static double ProcessCpuSeconds()
    {
        if (!OperatingSystem.IsLinux()) return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        ClockGetTime(2 /* CLOCK_PROCESS_CPUTIME_ID */, out var ts);
        return ts.Seconds + ts.Nanoseconds * 1e-9;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
