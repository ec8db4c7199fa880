using System.Runtime.Intrinsics;

namespace Descent.Kernels;

/// <summary>
/// How <see cref="UpdateLoop"/> and <see cref="GradientNorm"/> run a pass: the register width and how a
/// pass is spread over threads. A step is bound by memory bandwidth, and one core cannot saturate it, so
/// large buffers are cut into chunks stepped in parallel; small ones stay on the calling thread, where
/// starting workers would cost more than the step. An optimizer takes its settings from its options
/// (<see cref="OptimizerOptions.Kernel"/>); nothing here is process-wide, so runs with different settings
/// (a benchmark pinning a width, a test comparing thread counts) can run side by side.
/// </summary>
public sealed record KernelSettings
{
    private readonly int _maxThreads = Environment.ProcessorCount;
    private readonly int _parallelThreshold = 1 << 18;

    /// <summary>The widest accelerated width, every core, and the default threshold.</summary>
    public static KernelSettings Default { get; } = new();

    /// <summary>Buffers shorter than this stay on one thread (the default, 2^18, is about 1 MB of float parameters); at least 1.</summary>
    public int ParallelThreshold
    {
        get => _parallelThreshold;
        init => _parallelThreshold = Math.Max(1, value);
    }

    /// <summary>
    /// The register width every pass uses; <see cref="VectorWidth.Auto"/> (the default) picks the widest
    /// accelerated one. Tests and benchmarks pin a width to compare it with the scalar reference.
    /// </summary>
    public VectorWidth Width { get; init; } = VectorWidth.Auto;

    /// <summary>The most threads one pass may use (the CLI's <c>--threads</c>); at least 1, every core by default.</summary>
    public int MaxThreads
    {
        get => _maxThreads;
        init => _maxThreads = Math.Max(1, value);
    }

    /// <summary>The width <see cref="Width"/> resolves to on this machine.</summary>
    public VectorWidth Effective => Width != VectorWidth.Auto ? Width
        : Vector512.IsHardwareAccelerated ? VectorWidth.V512
        : Vector256.IsHardwareAccelerated ? VectorWidth.V256
        : Vector128.IsHardwareAccelerated ? VectorWidth.V128
        : VectorWidth.Scalar;

    /// <summary>How many threads a pass over <paramref name="length"/> elements uses: one per <see cref="ParallelThreshold"/> elements, at most <see cref="MaxThreads"/>.</summary>
    public int ThreadsFor(long length) => (int)Math.Clamp(length / ParallelThreshold, 1, MaxThreads);
}
