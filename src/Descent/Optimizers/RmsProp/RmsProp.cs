using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// RMSProp (Tieleman &amp; Hinton, 2012, Coursera lecture 6.5): divide the gradient by a running root mean
/// square of recent gradients. <c>E ← ρ·E + (1−ρ)·g²</c>, then
/// <list type="table">
/// <item><term>lecture</term><description><c>p ← p − lr/√(E + eps) · g</c></description></item>
/// <item><term>lasagne</term><description><c>p ← p − lr·g/√(E + eps)</c></description></item>
/// <item><term>keras</term><description>as Lasagne; centered: <c>ā ← ρ·ā + (1−ρ)·g,  d = √((E − ā²) + eps)</c>; momentum: <c>b ← μ·b + lr·g/d ;  p ← p − b</c> (lr inside the buffer)</description></item>
/// <item><term>pytorch</term><description><c>g ← g + wd·p</c> first; centered (Graves, 2013): <c>ḡ ← ρ·ḡ + (1−ρ)·g,  d = √(E − ḡ²) + eps</c>, else <c>d = √E + eps</c>;
/// with momentum <c>b ← μ·b + g/d ;  p ← p − lr·b</c>, else <c>p ← p − lr·g/d</c></description></item>
/// </list>
/// </summary>
public sealed class RmsProp<T> : GroupedOptimizer<T, RmsPropOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _momentumIndex, _gradAvgIndex;

    /// <summary>One group over <paramref name="length"/> parameters.</summary>
    public RmsProp(int length, RmsPropOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups, each with its own options.</summary>
    public RmsProp(int length, IReadOnlyList<ParameterGroup<RmsPropOptions>> groups) : base(length, groups, StateNamesFor(groups))
    {
        var names = StateNames.ToList();
        _momentumIndex = names.IndexOf("momentum_buffer");
        _gradAvgIndex = names.IndexOf("grad_avg");
    }

    // Only PyTorch's and Keras's formulas have momentum and centering; the buffers exist only when some group uses them.
    private static bool UsesMomentum(RmsPropOptions o) => o.Convention is Convention.PyTorch or Convention.Keras && (o.Momentum > 0 || o.Schedule is { CyclesMomentum: true });
    private static bool UsesCentered(RmsPropOptions o) => o.Convention is Convention.PyTorch or Convention.Keras && o.Centered;

    private static string[] StateNamesFor(IReadOnlyList<ParameterGroup<RmsPropOptions>> groups)
    {
        var names = new List<string> { "square_avg" };
        if (groups.Any(g => UsesMomentum(g.Options))) names.Add("momentum_buffer");
        if (groups.Any(g => UsesCentered(g.Options))) names.Add("grad_avg");
        return [.. names];
    }

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<RmsPropOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        var o = group.Options;
        Span<T> v = Buffer(0, group);
        T lr = C(LearningRate(index));
        var pre = Prologue(index);
        switch (o.Convention)
        {
            case Convention.Lecture:
                UpdateLoop.Run(Kernel, pre, new RmsPropLectureUpdate<T>(lr, C(o.Rho), C(1 - o.Rho), C(o.Epsilon)), p, g, v);
                break;
            case Convention.Lasagne:
                UpdateLoop.Run(Kernel, pre, new RmsPropLasagneUpdate<T>(lr, C(o.Rho), C(1 - o.Rho), C(o.Epsilon)), p, g, v);
                break;
            case Convention.Keras:
                double kmu = Momentum(index, o.Momentum);
                var keras = new RmsPropKerasUpdate<T>(lr, C(o.Rho), C(1 - o.Rho), C(o.Epsilon), C(kmu), o.Centered);
                // The plain rule's operations are Lasagne's.
                if (kmu > 0 && o.Centered) UpdateLoop.Run(Kernel, pre, keras, p, g, v, Buffer(_gradAvgIndex, group), Buffer(_momentumIndex, group));
                else if (kmu > 0) UpdateLoop.Run(Kernel, pre, keras, p, g, v, Buffer(_momentumIndex, group));
                else if (o.Centered) UpdateLoop.Run(Kernel, pre, keras, p, g, v, Buffer(_gradAvgIndex, group));
                else UpdateLoop.Run(Kernel, pre, new RmsPropLasagneUpdate<T>(lr, C(o.Rho), C(1 - o.Rho), C(o.Epsilon)), p, g, v);
                break;
            default:
                var avg = new RmsPropAverages<T>(C(o.Rho), C(1 - o.Rho), C(o.Epsilon));
                double mu = Momentum(index, o.Momentum);
                bool momentum = mu > 0, centered = UsesCentered(o);
                if (momentum && centered)
                    UpdateLoop.Run(Kernel, pre, new RmsPropCenteredMomentumUpdate<T>(avg, lr, C(mu)), p, g, v, Buffer(_gradAvgIndex, group), Buffer(_momentumIndex, group));
                else if (momentum)
                    UpdateLoop.Run(Kernel, pre, new RmsPropMomentumUpdate<T>(avg, lr, C(mu)), p, g, v, Buffer(_momentumIndex, group));
                else if (centered)
                    UpdateLoop.Run(Kernel, pre, new RmsPropCenteredUpdate<T>(avg, lr), p, g, v, Buffer(_gradAvgIndex, group));
                else
                    UpdateLoop.Run(Kernel, pre, new RmsPropUpdate<T>(avg, lr), p, g, v);
                break;
        }
    }
}
