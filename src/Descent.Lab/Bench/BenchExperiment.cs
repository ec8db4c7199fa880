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
    /// <summary>The most threads a run may ask for; a step never uses more than its buffer has chunks, so more would only be idle.</summary>
    public const int MaxThreads = 1_024;

    /// <summary>Runs every optimizer of <paramref name="config"/>; <paramref name="progress"/> gets the fraction done.</summary>
    /// <exception cref="LabInputException">Bad params, threads, precision or spec, or buffers beyond memory (<see cref="Validate"/>); thrown before anything is allocated.</exception>
    public static IReadOnlyList<BenchRow> Run(BenchConfig config, Action<double>? progress = null)
    {
        var options = Validate(config);
        return config.Precision switch
        {
            "float" => Run<float>(config, options, progress),
            _ => Run<double>(config, options, progress),
        };
    }

    /// <summary>
    /// Checks <paramref name="config"/> without running it: params from 1 to <see cref="int.MaxValue"/>, threads from 1 to
    /// <see cref="MaxThreads"/>, the precision, the specs, and that the buffers of the largest rule fit in memory:
    /// parameters, gradient, the copy's destination and every state buffer, <c>(3 + state) × params × size</c> bytes
    /// within <see cref="MemoryBudget"/>.
    /// </summary>
    /// <exception cref="LabInputException">The first problem found.</exception>
    public static List<OptimizerOptions> Validate(BenchConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Params < 1 || config.Params > int.MaxValue) throw new LabInputException("params", $"must be in 1..{int.MaxValue}, got {config.Params}.");
        if (config.Threads < 1 || config.Threads > MaxThreads) throw new LabInputException("threads", $"must be in 1..{MaxThreads}, got {config.Threads}.");
        int size = config.Precision switch
        {
            "float" => sizeof(float),
            "double" => sizeof(double),
            _ => throw new LabInputException("precision", $"unknown precision '{config.Precision}'; valid: float, double."),
        };
        var options = new List<OptimizerOptions>(config.Optimizers.Count);
        int buffers = 0;
        foreach (string spec in config.Optimizers)
        {
            OptimizerOptions o;
            try { o = OptimizerCatalog.Resolve(spec, config.Convention); }
            catch (SpecException e) { throw new LabInputException("optimizer", e.Message, e); }
            options.Add(o);
            buffers = Math.Max(buffers, o.Create<float>(0).StateNames.Count);
        }
        long bytes = (3L + buffers) * config.Params * size;
        MemoryBudget.Check("params", bytes,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{config.Params:N0} {config.Precision} parameters with a gradient, a copy and {buffers} state buffers"),
            "give fewer --params");
        return options;
    }

    private static List<BenchRow> Run<T>(BenchConfig config, List<OptimizerOptions> options, Action<double>? progress)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = (int)config.Params;
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        // The bench's own settings travel with its optimizers; nothing process-wide changes.
        var kernel = KernelSettings.Default with { MaxThreads = config.Threads, Width = config.Width };
        var p = new T[n];
        var g = new T[n];
        var random = new Random(1);
        for (int i = 0; i < n; i++)
        {
            p[i] = T.CreateTruncating(random.NextDouble() - 0.5);
            g[i] = T.CreateTruncating((random.NextDouble() - 0.5) * 1e-3);
        }
        double bound = CopyBandwidth(p, kernel, config.MinSeconds);
        var rows = new List<BenchRow>();
        for (int k = 0; k < options.Count; k++)
        {
            var optimizer = (options[k] with { Kernel = kernel }).Create<T>(n);
            if (optimizer.NeedsLoss)
                throw new LabInputException("optimizer", $"{config.Optimizers[k]} is not element-wise: each step runs dot products over all parameters and evaluates the loss along its direction, so a fixed gradient cannot time it; race it by gradient evaluations in descent trajectory.");
            if (optimizer.NeedsOracle)
                throw new LabInputException("optimizer", $"{config.Optimizers[k]} looks ahead through a gradient oracle and cannot be benchmarked on a fixed gradient.");
            double seconds = Median(() => optimizer.Step(p, g), config.MinSeconds);
            int bytes = (3 + 2 * optimizer.StateNames.Count) * size;
            rows.Add(new BenchRow(config.Optimizers[k], n, config.Precision, config.Threads, seconds * 1e9 / n, (double)bytes * n / seconds / 1e9, bound) { BytesPerParam = bytes });
            progress?.Invoke((k + 1.0) / options.Count);
        }
        return rows;
    }

    /// <summary>Bytes per second (read plus written) of a block copy split over threads as the kernels split a step under <paramref name="kernel"/>.</summary>
    private static double CopyBandwidth<T>(T[] source, KernelSettings kernel, double minSeconds) where T : unmanaged
    {
        var destination = new T[source.Length];
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        void Copy()
        {
            int parts = kernel.ThreadsFor(source.Length);
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
