using System.Diagnostics;
using System.Globalization;
using Descent.Optimizers;
using Descent.Tensors;

namespace Descent.Benchmarks;

/// <summary>
/// <c>muon [n] [repeats] [threads]</c>: one Muon step on an n×n float matrix (default 1024) beside 5 GEMMs of that size,
/// in one run, best of the repeats in wall and process CPU time. Newton–Schulz is 3 matrix products per iteration ×
/// 5 iterations: the Gram <c>X·Xᵀ</c> runs on the GEMM, and the two <c>addmm</c>s on Descent's bfloat16 kernel,
/// which rounds its accumulator after every term as torch 1.13's does (so the reference's bits), not on the GEMM.
/// 5 GEMMs are the step's Gram products alone; 15 would be an all-GEMM Newton–Schulz.
/// </summary>
public static class MuonTimer
{
    /// <summary>Times the step and the GEMMs; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        int n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1024;
        int repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        int threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
        var random = new Random(1);
        var a = new float[n * n];
        var b = new float[n * n];
        for (int i = 0; i < a.Length; i++) a[i] = (float)random.NextDouble() - 0.5f;
        for (int i = 0; i < b.Length; i++) b[i] = (float)random.NextDouble() - 0.5f;
        var c = new float[n * n];
        var p = (float[])a.Clone();
        var muon = new Muon<float>(n * n, [new ParameterGroup<MuonOptions>(0, n * n, new MuonOptions { LearningRate = 0.02 }) { Rows = n }]);
        var ns = new NewtonSchulz(n, n);

        var (gemmWall, gemmCpu) = Best(repeats, () => { for (int k = 0; k < 5; k++) Gemm.Multiply(a, false, b, false, c, n, n, n, maxThreads: threads); });
        var (stepWall, stepCpu) = Best(repeats, () => muon.Step(p, b));
        var (nsWall, nsCpu) = Best(repeats, () => ns.Run(b, false, 5, 1e-7, c));
        double gflop = 5 * 2.0 * n * n * n / 1e9;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"n = {n}, threads {(threads == 0 ? Environment.ProcessorCount : threads)}, best of {repeats}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"5 GEMMs {n}³:       wall {gemmWall * 1e3,9:F1} ms  cpu {gemmCpu * 1e3,9:F1} ms  ({gflop / gemmWall:F1} GFLOP/s wall)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Newton–Schulz (5):  wall {nsWall * 1e3,9:F1} ms  cpu {nsCpu * 1e3,9:F1} ms  ({nsWall / gemmWall:F2}× the 5 GEMMs)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Muon step:          wall {stepWall * 1e3,9:F1} ms  cpu {stepCpu * 1e3,9:F1} ms  ({stepWall / gemmWall:F2}× the 5 GEMMs)"));
        return 0;
    }

    private static (double Wall, double Cpu) Best(int repeats, Action work)
    {
        work();
        double wall = double.MaxValue, cpu = double.MaxValue;
        for (int r = 0; r < repeats; r++)
        {
            double cpu0 = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
            long t0 = Stopwatch.GetTimestamp();
            work();
            wall = Math.Min(wall, Stopwatch.GetElapsedTime(t0).TotalSeconds);
            cpu = Math.Min(cpu, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - cpu0);
        }
        return (wall, cpu);
    }
}
