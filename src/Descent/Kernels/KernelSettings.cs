namespace Descent.Kernels;

/// <summary>
/// How <see cref="UpdateLoop"/> spreads a step over threads. A step is bound by memory bandwidth, and
/// one core cannot saturate it, so large buffers are cut into chunks stepped in parallel; small ones
/// stay on the calling thread, where starting workers would cost more than the step.
/// </summary>
public static class KernelSettings
{
    private static int _maxThreads = Environment.ProcessorCount;

    /// <summary>Buffers shorter than this stay on one thread (about 1 MB of float parameters).</summary>
    public static int ParallelThreshold { get; set; } = 1 << 18;

    /// <summary>
    /// The register width every step uses; <see cref="VectorWidth.Auto"/> (the default) picks the widest
    /// accelerated one. Tests and benchmarks pin a width to compare it with the scalar reference.
    /// </summary>
    public static VectorWidth Width { get; set; } = VectorWidth.Auto;

    /// <summary>The width <see cref="Width"/> resolves to on this machine.</summary>
    public static VectorWidth Effective => Width != VectorWidth.Auto ? Width
        : System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? VectorWidth.V512
        : System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? VectorWidth.V256
        : System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated ? VectorWidth.V128
        : VectorWidth.Scalar;

    /// <summary>The most threads one step may use (the CLI's <c>--threads</c>); at least 1.</summary>
    public static int MaxThreads
    {
        get => _maxThreads;
        set => _maxThreads = Math.Max(1, value);
    }
}
