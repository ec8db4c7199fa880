using System.Numerics;
using Descent.Kernels;
using System.Runtime.CompilerServices;

namespace Descent.Optimizers;

/// <summary>
/// The parts every PyTorch RMSprop variant shares: the average
/// <c>v ← α·v + (1−α)·g·g</c>, and the denominator <c>√v + eps</c> (or <c>√(v − ḡ²) + eps</c> when centered). Each
/// <c>add(alpha=…)</c> and <c>addcmul</c> of PyTorch is a fused multiply-add, as its CPU kernels compute them.
/// </summary>
public readonly struct RmsPropAverages<T>(T alpha, T oneMinusAlpha, T eps) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Adds the L2 penalty and updates the squared-gradient average.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prepare<TV>(TV p, ref TV g, ref TV v) where TV : struct, ILanes<TV, T>
    {
        v = TV.FusedMultiplyAdd(oneMinusAlpha * g, g, v * alpha);
    }

    /// <summary>Updates the gradient average <paramref name="gAvg"/> and returns the centered denominator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV CenteredDenominator<TV>(TV g, TV v, ref TV gAvg) where TV : struct, ILanes<TV, T>
    {
        gAvg = TV.FusedMultiplyAdd(g, oneMinusAlpha, gAvg * alpha);
        return TV.Sqrt(TV.FusedMultiplyAdd(-gAvg, gAvg, v)) + eps;
    }

    /// <summary>The plain denominator <c>√v + eps</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Denominator<TV>(TV v) where TV : struct, ILanes<TV, T> => TV.Sqrt(v) + eps;
}
