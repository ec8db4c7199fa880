using System.Numerics;
using Descent.Kernels;
using Descent.Schedules;

namespace Descent;

/// <summary>
/// An optimizer whose flat buffer is split into parameter groups, each with its own options. Groups
/// are disjoint slices; parameters outside every group are left untouched. It runs what every rule
/// shares: each group's learning-rate schedule (read through <see cref="LearningRate"/> and
/// <see cref="Momentum"/>, advanced after every step), and the gradient prologue (<see cref="Prologue"/>:
/// clipping and weight decay) that each rule's kernel applies in its own pass.
/// </summary>
public abstract class GroupedOptimizer<T, TOptions> : Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TOptions : OptimizerOptions
{
    private readonly ParameterGroup<TOptions>[] _groups;
    private readonly ScheduleGroup?[] _scheduled;
    private readonly Schedule?[] _schedules;
    private readonly double? _clipNorm, _clipValue;
    private readonly bool _kerasClip;
    private double[]? _normPartials;
    private T _clipScale = T.One;
    private bool _clipped;

    /// <summary>Validates the groups and allocates state for <paramref name="length"/> parameters.</summary>
    protected GroupedOptimizer(int length, IReadOnlyList<ParameterGroup<TOptions>> groups, IReadOnlyList<string> stateNames, int scalarsPerGroup = 0,
        IReadOnlyList<(string Name, int Length)>? storage = null)
        : base(length, stateNames, scalarsPerGroup * groups.Count + ScheduleScalars(groups), storage)
    {
        if (groups.Count == 0) throw new ArgumentException("At least one parameter group is needed.", nameof(groups));
        _groups = [.. groups.OrderBy(g => g.Offset)];
        int end = 0;
        foreach (var g in _groups)
        {
            if (g.Offset < 0 || g.Length < 0 || g.Offset + (long)g.Length > length)
                throw new ArgumentException($"Group [{g.Offset}, {g.Offset + g.Length}) lies outside the {length} parameters.", nameof(groups));
            if (g.Offset < end) throw new ArgumentException($"Group at {g.Offset} overlaps the previous group.", nameof(groups));
            end = g.Offset + g.Length;
            g.Options.EnsureValid();
        }
        ScalarsPerGroup = scalarsPerGroup;
        // clip_grad_norm_ clips over every parameter the optimizer holds, so one setting serves all groups.
        _clipNorm = _groups[0].Options.ClipNorm;
        _clipValue = _groups[0].Options.ClipValue;
        _kerasClip = _groups[0].Options.Convention == Convention.Keras;
        if (_groups.Any(g => g.Options.ClipNorm != _clipNorm || g.Options.ClipValue != _clipValue))
            throw new ArgumentException("clip_norm and clip_value must be the same in every parameter group: clipping is over all parameters.", nameof(groups));
        Kernel = _groups[0].Options.Kernel;
        if (_groups.Any(g => g.Options.Kernel != Kernel))
            throw new ArgumentException("Kernel settings must be the same in every parameter group: one step is one set of passes.", nameof(groups));
        _scheduled = new ScheduleGroup?[_groups.Length];
        _schedules = new Schedule?[_groups.Length];
        for (int i = 0; i < _groups.Length; i++)
        {
            var o = _groups[i].Options;
            if (o.Schedule is null) continue;
            var momentum = o.CycledMomentum;
            _scheduled[i] = new ScheduleGroup(o.LearningRate, momentum?.Value, momentum?.IsBeta1 ?? false);
            _schedules[i] = o.Schedule.Start(_scheduled[i]!);
        }
    }

    // Each scheduled group saves its learning rate, initial rate and momentum (NaN for none), then its schedule's counters.
    private const int GroupValues = 3;

    private static int ScheduleScalars(IReadOnlyList<ParameterGroup<TOptions>> groups)
    {
        int n = 0;
        foreach (var g in groups)
        {
            var o = g.Options;
            if (o.Schedule is null) continue;
            // A throwaway start tells how many counters this schedule keeps; it costs a few scalars.
            var momentum = o.CycledMomentum;
            n += GroupValues + o.Schedule.Start(new ScheduleGroup(o.LearningRate, momentum?.Value, momentum?.IsBeta1 ?? false)).StateLength;
        }
        return n;
    }

    /// <inheritdoc/>
    protected override void BeforeSave()
    {
        int at = ScalarsPerGroup * _groups.Length;
        for (int i = 0; i < _schedules.Length; i++)
        {
            if (_schedules[i] is not { } schedule) continue;
            var group = _scheduled[i]!;
            Scalars[at] = group.LearningRate;
            Scalars[at + 1] = group.InitialLearningRate ?? double.NaN;
            Scalars[at + 2] = group.Momentum ?? double.NaN;
            schedule.WriteState(Scalars.AsSpan(at + GroupValues, schedule.StateLength));
            at += GroupValues + schedule.StateLength;
        }
    }

    /// <inheritdoc/>
    protected override void AfterLoad()
    {
        int at = ScalarsPerGroup * _groups.Length;
        for (int i = 0; i < _schedules.Length; i++)
        {
            if (_schedules[i] is not { } schedule) continue;
            var group = _scheduled[i]!;
            group.LearningRate = Scalars[at];
            group.InitialLearningRate = double.IsNaN(Scalars[at + 1]) ? null : Scalars[at + 1];
            group.Momentum = double.IsNaN(Scalars[at + 2]) ? null : Scalars[at + 2];
            schedule.ReadState(Scalars.AsSpan(at + GroupValues, schedule.StateLength));
            at += GroupValues + schedule.StateLength;
        }
    }

    /// <summary>True when some group has a schedule that cycles its momentum (so momentum state is needed even at momentum 0).</summary>
    protected static bool CyclesMomentum(IReadOnlyList<ParameterGroup<TOptions>> groups) =>
        groups.Any(g => g.Options.Schedule is { CyclesMomentum: true });

    /// <summary>How this optimizer's passes run (its options' <see cref="OptimizerOptions.Kernel"/>); a rule passes it to <see cref="UpdateLoop"/>.</summary>
    protected KernelSettings Kernel { get; }

    /// <summary>The learning rate group <paramref name="index"/> uses this step: its schedule's, or its options'.</summary>
    protected double LearningRate(int index) => _scheduled[index]?.LearningRate ?? _groups[index].Options.LearningRate;

    /// <inheritdoc/>
    public override double? CurrentLearningRate(int group = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(group, _groups.Length);
        return LearningRate(group);
    }

    /// <summary>The momentum (or beta1) group <paramref name="index"/> uses this step: as its schedule cycles it, else <paramref name="configured"/>.</summary>
    protected double Momentum(int index, double configured) => _scheduled[index]?.Momentum ?? configured;

    /// <summary>
    /// The shared stages before group <paramref name="index"/>'s rule: the clip factor of this step's
    /// gradient, clamping, and weight decay in its mode. Look-ahead rules clip each gradient they
    /// evaluate and add its L2 term at the point where it was evaluated (<see cref="PrepareLookAhead"/>),
    /// so for them (<paramref name="lookAhead"/>) only decoupled decay remains. A rule that applies
    /// <c>weight_decay</c> its own way inside its update (<paramref name="ownDecay"/>: LAMB, Schedule-Free) gets clipping alone.
    /// </summary>
    protected GradientPrologue<T> Prologue(int index, bool lookAhead = false, bool ownDecay = false)
    {
        var o = _groups[index].Options;
        T? scale = !lookAhead && _clipped ? _clipScale : null;
        T? bound = !lookAhead && _clipValue is { } v ? C(v) : null;
        if (o.Convention == Convention.Keras)
            return new GradientPrologue<T>(scale, bound, kerasDecay: o.WeightDecay != 0 ? (C(o.WeightDecay), C(LearningRate(index))) : null);
        T? keep = !ownDecay && o.DecoupledWeightDecay && o.WeightDecay != 0 ? C(1 - LearningRate(index) * o.WeightDecay) : null;
        T? wd = ownDecay || o.DecoupledWeightDecay || lookAhead ? null : C(o.WeightDecay);
        return new GradientPrologue<T>(scale, bound, keep, wd);
    }

    /// <summary>
    /// Clips a gradient evaluated at look-ahead point <paramref name="point"/> (a buffer this optimizer
    /// owns, changed in place), as a PyTorch closure clips after <c>backward()</c>, then adds each
    /// group's L2 term <c>wd·q</c> at that point.
    /// </summary>
    protected void PrepareLookAhead(ReadOnlySpan<T> point, Span<T> gradient)
    {
        Clip(gradient);
        for (int j = 0; j < _groups.Length; j++)
        {
            var o = _groups[j].Options;
            if (o.DecoupledWeightDecay || o.WeightDecay == 0) continue;
            T wd = C(o.WeightDecay);
            var q = point.Slice(_groups[j].Offset, _groups[j].Length);
            var g = gradient.Slice(_groups[j].Offset, _groups[j].Length);
            for (int i = 0; i < g.Length; i++) g[i] = T.FusedMultiplyAdd(q[i], wd, g[i]);
        }
    }

    /// <summary>Clips a gradient this optimizer owns in place (look-ahead rules call it on each gradient they evaluate).</summary>
    private void Clip(Span<T> gradient)
    {
        if (_clipNorm is not null)
        {
            T scale = ClipScale(gradient);
            for (int i = 0; i < gradient.Length; i++) gradient[i] *= scale;
        }
        else if (_clipValue is { } v)
        {
            T c = C(v);
            for (int i = 0; i < gradient.Length; i++) gradient[i] = T.Min(T.Max(gradient[i], -c), c);
        }
    }

    /// <summary>
    /// clip_grad_norm_'s factor in the working precision, as torch computes it: <c>c = C·(1/(‖g‖ + 1e-6))</c>
    /// (Python's <c>C / tensor</c> is a reciprocal times C), then at most 1.
    /// </summary>
    private T ClipScale(ReadOnlySpan<T> gradients)
    {
        _normPartials ??= new double[GradientNorm.PartialsFor(Length)];
        T total = C(GradientNorm.L2(Kernel, gradients, _normPartials));
        // Keras's global_clipnorm (clip_norm is over all parameters, in every convention): c·min(1/‖g‖, 1/c), applied
        // even when it changes nothing (the factor is then 1, or a last bit off).
        if (_kerasClip)
        {
            T c = C(_clipNorm!.Value);
            // Keras adds norm − norm so that an infinite or NaN norm makes the scale NaN.
            return c * T.Min(T.One / total, T.One / c) + (total - total);
        }
        T scale = T.One / (total + C(1e-6)) * C(_clipNorm!.Value);
        return scale > T.One ? T.One : scale;
    }

    /// <inheritdoc/>
    protected override void AfterStep(double? loss)
    {
        for (int i = 0; i < _schedules.Length; i++)
        {
            var schedule = _schedules[i];
            if (schedule is null || _groups[i].Options.Schedule!.PerEpoch) continue;
            if (schedule.NeedsLoss && loss is null)
                throw new InvalidOperationException($"{_groups[i].Options.Schedule!.Name} reads the loss: step with Step(parameters, gradients, loss).");
            schedule.Step(loss ?? double.NaN);
        }
    }

    /// <inheritdoc/>
    public override void StepEpochSchedules(double loss)
    {
        for (int i = 0; i < _schedules.Length; i++)
            if (_schedules[i] is { } schedule && _groups[i].Options.Schedule!.PerEpoch) schedule.Step(loss);
    }

    /// <summary>The parameter groups, in buffer order.</summary>
    public IReadOnlyList<ParameterGroup<TOptions>> Groups => _groups;

    /// <inheritdoc/>
    public override string Name => _groups[0].Options.Name;

    /// <summary>How many entries of <see cref="Optimizer{T}.Scalars"/> each group owns.</summary>
    protected int ScalarsPerGroup { get; }

    /// <summary>A single group covering all <paramref name="length"/> parameters.</summary>
    protected static ParameterGroup<TOptions>[] Whole(int length, TOptions options) => [new(0, length, options)];

    /// <summary>The group's slice of state buffer <paramref name="index"/>.</summary>
    protected Span<T> Buffer(int index, ParameterGroup<TOptions> group) => Buffer(index).Slice(group.Offset, group.Length);

    /// <summary>The group's scalars.</summary>
    protected Span<double> GroupScalars(int groupIndex) => Scalars.AsSpan(groupIndex * ScalarsPerGroup, ScalarsPerGroup);

    /// <inheritdoc/>
    protected sealed override void StepCore(Span<T> parameters, ReadOnlySpan<T> gradients, long t)
    {
        _clipped = _clipNorm is not null;
        if (_clipped) _clipScale = ClipScale(gradients);
        BeforeGroups(gradients);
        for (int i = 0; i < _groups.Length; i++)
        {
            var group = _groups[i];
            StepGroup(i, group, parameters.Slice(group.Offset, group.Length), gradients.Slice(group.Offset, group.Length), t);
        }
    }

    /// <summary>
    /// Runs once per step before the groups, after this step's clip factor is known: where a rule reads the
    /// gradient of every group at once (LAMB's global norm).
    /// </summary>
    protected virtual void BeforeGroups(ReadOnlySpan<T> gradients) { }

    /// <summary>Steps one group's slice.</summary>
    protected abstract void StepGroup(int index, ParameterGroup<TOptions> group, Span<T> p, ReadOnlySpan<T> g, long t);

    /// <summary>Converts a hyperparameter to the working precision.</summary>
    protected static T C(double value) => T.CreateTruncating(value);
}
