using System.Numerics;
using Descent.Kernels;

namespace Descent.Lab.Tests.Registry;

/// <summary>signSGD over flat buffers: the shared prologue (clipping, decay), then one fused pass.</summary>
public sealed class SignSgd<T>(int length, SignSgdOptions options)
    : GroupedOptimizer<T, SignSgdOptions>(length, Whole(length, options), []) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<SignSgdOptions> group, Span<T> p, ReadOnlySpan<T> g, long t) =>
        UpdateLoop.Run(Kernel, Prologue(index), new SignUpdate<T>(C(LearningRate(index))), p, g);
}
