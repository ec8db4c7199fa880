using System.Numerics;
using Descent.Kernels;

namespace Descent.Optimizers;

/// <summary>
/// The lecture's look-ahead momentum: the true Nesterov step (one point) and its smoothed variant,
/// which averages the gradient over <c>K</c> points between the current position and the look-ahead:
/// <code>
/// v ← γ·v + lr·(1/K)·Σ_{k=1..K} ∇f(p − (k/K)·γ·v) ;  p ← p − v
/// </code>
/// With <c>K = 1</c> this is <c>v ← γ·v + lr·∇f(p − γ·v)</c>. It needs a <see cref="GradientOracle{T}"/>.
/// References: Nesterov (1983); Sutskever et al. (2013); the lecture's <c>SmoothedNM</c>.
/// </summary>
public sealed class SmoothedNesterov<T> : GroupedOptimizer<T, MomentumOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>One group over <paramref name="length"/> parameters.</summary>
    public SmoothedNesterov(int length, MomentumOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups, each with its own options (<see cref="NesterovOptions"/> means one point).</summary>
    public SmoothedNesterov(int length, IReadOnlyList<ParameterGroup<MomentumOptions>> groups) : base(length, groups, ["velocity"]) { }

    /// <inheritdoc/>
    public override bool NeedsOracle => true;

    private static int PointsOf(MomentumOptions o) => o is SmoothedNesterovOptions s ? s.Points : 1;

    /// <inheritdoc/>
    protected override void StepCore(Span<T> parameters, GradientOracle<T> oracle, long t)
    {
        Span<T> point = Scratch(0), gradient = Scratch(1), sum = Scratch(2);
        parameters.CopyTo(point);
        sum.Clear();
        // Index loops, not LINQ or foreach over the interface: a step allocates nothing.
        var groups = Groups;
        int maxPoints = 0;
        for (int j = 0; j < groups.Count; j++) maxPoints = Math.Max(maxPoints, PointsOf(groups[j].Options));
        // Counting from 0 below maxPoints: `k <= maxPoints` would wrap at int.MaxValue and never end.
        for (int step = 0; step < maxPoints; step++)
        {
            int k = step + 1;
            for (int j = 0; j < groups.Count; j++)
            {
                var group = groups[j];
                int n = PointsOf(group.Options);
                if (k > n) continue;
                // γ·v·k / K in this order reproduces the lecture's γ·v/4, γ·v/2, γ·v·3/4, γ·v exactly.
                T gamma = C(Momentum(j, group.Options.Momentum)), kk = T.CreateTruncating(k), nn = T.CreateTruncating(n);
                ReadOnlySpan<T> v = Buffer(0, group), p = parameters.Slice(group.Offset, group.Length);
                Span<T> q = point.Slice(group.Offset, group.Length);
                for (int i = 0; i < q.Length; i++) q[i] = p[i] - gamma * v[i] * kk / nn;
            }
            oracle(point, gradient);
            PrepareLookAhead(point, gradient);
            // A group with fewer points than the largest has all its look-ahead gradients already.
            for (int j = 0; j < groups.Count; j++)
            {
                var group = groups[j];
                if (k > PointsOf(group.Options)) continue;
                Span<T> s = sum.Slice(group.Offset, group.Length);
                ReadOnlySpan<T> gk = gradient.Slice(group.Offset, group.Length);
                for (int i = 0; i < s.Length; i++) s[i] += gk[i];
            }
        }
        for (int j = 0; j < groups.Count; j++)
        {
            var group = groups[j];
            var o = group.Options;
            UpdateLoop.Run(Kernel, Prologue(j, lookAhead: true), new LookaheadMomentumUpdate<T>(C(LearningRate(j)), C(Momentum(j, o.Momentum)), T.CreateTruncating(PointsOf(o))),
                parameters.Slice(group.Offset, group.Length), sum.Slice(group.Offset, group.Length), Buffer(0, group));
        }
    }

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<MomentumOptions> group, Span<T> p, ReadOnlySpan<T> g, long t) =>
        throw new InvalidOperationException("Look-ahead momentum is stepped through its oracle.");
}
