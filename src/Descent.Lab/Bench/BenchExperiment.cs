using System.Diagnostics;
using System.Numerics;
using Descent.Kernels;
using Descent.Specs;

namespace Descent.Lab.Bench;

/// <summary>
/// Measures optimizer steps at steady state. An update is bound by memory bandwidth: it reads the
/// parameters, the gradient and each state buffer once and writes the parameters and the state back,
/// <c>(3 + 2·state)·sizeof(T)</c> bytes per parameter. The bound is the machine's copy bandwidth
/// (bytes read plus written per second by a parallel block copy), measured in the same run.
/// </summary>
public static class BenchExperiment
{
    /// <summary>Runs every optimizer of <paramref name="config"/>; <paramref name="progress"/> gets the fraction done.</summary>
    public static IReadOnlyList<BenchRow> Run(BenchConfig config, Action<double>? progress = null)
    {
        if (config.Params < 1 || config.Params > int.MaxValue) throw new LabInputException("params", $"must be in 1..{int.MaxValue}, got {config.Params}.");
        if (config.Threads < 1) throw new LabInputException("threads", $"must be at least 1, got {config.Threads}.");
        var options = config.Optimizers.Select(s => OptimizerCatalog.Resolve(s, config.Convention)).ToList();
        return config.Precision switch
        {
            "float" => Run<float>(config, options, progress),
            "double" => Run<double>(config, options, progress),
            _ => throw new LabInputException("precision", $"unknown precision '{config.Precision}'; valid: float, double."),
        };
    }

    private static List<BenchRow> Run<T>(BenchConfig config, List<OptimizerOptions> options, Action<double>? progress)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = (int)config.Params;
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        var savedThreads = KernelSettings.MaxThreads;
        var savedWidth = KernelSettings.Width;
        KernelSettings.MaxThreads = config.Threads;
        KernelSettings.Width = config.Width;
        try
        {
            var p = new T[n];
            var g = new T[n];
            var random = new Random(1);
            for (int i = 0; i < n; i++)
            {
                p[i] = T.CreateTruncating(random.NextDouble() - 0.5);
                g[i] = T.CreateTruncating((random.NextDouble() - 0.5) * 1e-3);
            }
            double bound = CopyBandwidth(p, config.Threads, config.MinSeconds);
            var rows = new List<BenchRow>();
            for (int k = 0; k < options.Count; k++)
            {
                var optimizer = options[k].Create<T>(n);
                if (optimizer.NeedsOracle)
                    throw new LabInputException("optimizer", $"{config.Optimizers[k]} looks ahead through a gradient oracle and cannot be benchmarked on a fixed gradient.");
                double seconds = Median(() => optimizer.Step(p, g), config.MinSeconds);
                int bytes = (3 + 2 * optimizer.StateNames.Count) * size;
                rows.Add(new BenchRow(config.Optimizers[k], n, config.Precision, config.Threads, seconds * 1e9 / n, (double)bytes * n / seconds / 1e9, bound) { BytesPerParam = bytes });
                progress?.Invoke((k + 1.0) / options.Count);
            }
            return rows;
        }
        finally
        {
            KernelSettings.MaxThreads = savedThreads;
            KernelSettings.Width = savedWidth;
        }
    }

    /// <summary>Bytes per second (read plus written) of a block copy split over <paramref name="threads"/> as the kernels split a step.</summary>
    private static double CopyBandwidth<T>(T[] source, int threads, double minSeconds) where T : unmanaged
    {
        var destination = new T[source.Length];
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        void Copy()
        {
            int parts = Math.Max(1, Math.Min(threads, source.Length / Math.Max(1, KernelSettings.ParallelThreshold)));
            if (parts == 1)
            {
                source.AsSpan().CopyTo(destination);
                return;
            }
            int chunk = (source.Length / parts + 63) & ~63;
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, i =>
            {
                int start = i * chunk, end = Math.Min(source.Length, start + chunk);
                if (start < end) source.AsSpan(start, end - start).CopyTo(destination.AsSpan(start));
            });
        }
        double seconds = Median(Copy, minSeconds);
        return 2.0 * size * source.Length / seconds / 1e9;
    }

    /// <summary>The median time of one call after warm-up, repeating for at least <paramref name="minSeconds"/> and 5 calls.</summary>
    private static double Median(Action step, double minSeconds)
    {
        for (int i = 0; i < 3; i++) step();
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < 5 || (total.Elapsed.TotalSeconds < minSeconds && times.Count < 10_000))
        {
            long start = Stopwatch.GetTimestamp();
            step();
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
