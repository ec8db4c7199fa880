using System.Diagnostics;
using System.Globalization;
using Descent.Tensors;

namespace Descent.Benchmarks;

/// <summary>
/// <c>gemm [threads] [repeats] [rows|columns]</c>: GFLOP/s of <see cref="Gemm"/> on the dense layers' products at batch 128,
/// best of the repeats in wall time and in the process's CPU time, and the median CPU time. Short samples, many of them:
/// on a busy shared machine the best ones ran undisturbed. The bits are the tests' business
/// (<c>GemmTests.Multiply_AnyChunkingThreadsOrKernel_SameBitsAsBlockedFmaReference</c>); to compare with another version of
/// the GEMM, run this command on both builds.
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

    /// <summary>Times every shape; returns the process exit code.</summary>
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
        double wallTotal = 0, cpuTotal = 0, medianTotal = 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threads {(threads == 0 ? Environment.ProcessorCount : threads)}, best of {repeats}"));
        foreach (var s in Shapes)
        {
            var random = new Random(1);
            var a = new float[s.M * s.K];
            var b = new float[s.K * s.N];
            for (int i = 0; i < a.Length; i++) a[i] = (float)random.NextDouble() - 0.5f;
            for (int i = 0; i < b.Length; i++) b[i] = (float)random.NextDouble() - 0.5f;
            var c = new float[s.M * s.N];
            // About 2 ms of work a sample at 30 GFLOP/s.
            int calls = Math.Max(1, (int)(0.002 * 30e9 / s.Flops));
            double bestWall = double.MaxValue, bestCpu = double.MaxValue;
            var samples = new List<double>();
            for (int r = 0; r < repeats; r++)
            {
                double cpu = ProcessCpuSeconds();
                long t = Stopwatch.GetTimestamp();
                for (int i = 0; i < calls; i++) Gemm.Multiply(a, s.TransposeA, b, s.TransposeB, c, s.M, s.N, s.K, false, threads);
                bestWall = Math.Min(bestWall, Stopwatch.GetElapsedTime(t).TotalSeconds / calls);
                samples.Add((ProcessCpuSeconds() - cpu) / calls);
                bestCpu = Math.Min(bestCpu, samples[^1]);
            }
            samples.Sort();
            double median = samples[samples.Count / 2];
            wallTotal += bestWall;
            cpuTotal += bestCpu;
            medianTotal += median;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Name,-14} m={s.M,4} n={s.N,4} k={s.K,4}  wall {bestWall * 1e3,7:F3} ms ({s.Flops / bestWall / 1e9,5:F1} GFLOP/s)   CPU {s.Flops / bestCpu / 1e9,5:F1} GFLOP/CPU-s (median {s.Flops / median / 1e9,5:F1})"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sum of the products: wall {wallTotal * 1e3:F2} ms, CPU {cpuTotal * 1e3:F2} ms, median CPU {medianTotal * 1e3:F2} ms"));
        return 0;
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
