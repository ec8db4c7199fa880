using System.Numerics;
using System.Text.Json.Serialization;
using Descent.Kernels;
using Descent.Schedules;

namespace Descent;

/// <summary>
/// The hyperparameters of one update rule under one <see cref="Convention"/>. The keys every rule
/// shares live here — learning rate, weight decay and its mode, schedule, gradient clipping — and a
/// derived record holds only its rule's own keys. Each derived record is the only place its defaults
/// are written: the property initializers (or its constructor, for the shared keys) hold PyTorch's
/// defaults and a static <c>For(Convention)</c> overrides those that another convention sets differently.
/// </summary>
public abstract record OptimizerOptions
{
    /// <summary>Which library's formula the rule follows.</summary>
    public Convention Convention { get; init; } = Convention.PyTorch;

    /// <summary>The rule's name in specs and on the command line (<c>adam</c>, <c>rmsprop</c>…).</summary>
    public abstract string Name { get; }

    /// <summary>Step size <c>lr</c> (each rule's constructor sets its own default).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>
    /// Weight decay <c>wd</c>: added to the gradient as <c>g += wd·p</c> (L2, as <c>torch.optim</c>), or,
    /// with <see cref="DecoupledWeightDecay"/>, applied to the parameters as <c>p ← p·(1 − lr·wd)</c>
    /// before the update (Loshchilov &amp; Hutter's AdamW).
    /// </summary>
    public double WeightDecay { get; init; }

    /// <summary>Decoupled weight decay (<c>decoupled_weight_decay=true</c>) instead of L2.</summary>
    public bool DecoupledWeightDecay { get; init; }

    /// <summary>The learning-rate schedule (<c>schedule=cosine(t_max=125)</c>), or null for a constant rate.</summary>
    public ScheduleOptions? Schedule { get; init; }

    /// <summary>
    /// <c>clip_norm=C</c>: scales the gradient so that its L2 norm over all parameters of the optimizer
    /// is at most C, as <c>torch.nn.utils.clip_grad_norm_</c> (with its 1e-6 in the denominator).
    /// </summary>
    public double? ClipNorm { get; init; }

    /// <summary><c>clip_value=C</c>: clamps each gradient element to [−C, C], as <c>clip_grad_value_</c>.</summary>
    public double? ClipValue { get; init; }

    /// <summary>
    /// How the kernels run this optimizer's passes: register width, thread cap, the buffer length from which a
    /// pass goes parallel. Not a hyperparameter — every setting gives the same bits — so no spec key sets it and
    /// no results file shows it; <see cref="KernelSettings.Default"/> unless a caller (a benchmark, a test,
    /// <c>descent bench --threads</c>) passes its own.
    /// </summary>
    [JsonIgnore]
    public KernelSettings Kernel { get; init; } = KernelSettings.Default;

    /// <summary>
    /// The hyperparameter that <c>onecycle</c> and <c>cyclic</c> cycle: the rule's momentum, or the Adam
    /// family's <c>beta1</c>; null for rules without one.
    /// </summary>
    public virtual (double Value, bool IsBeta1)? CycledMomentum => null;

    /// <summary>Problems with the values (out of range, inconsistent); empty when valid.</summary>
    public IEnumerable<string> Validate() => ValidateShared().Concat(ValidateRule());

    /// <summary>Problems with the rule's own keys.</summary>
    protected virtual IEnumerable<string> ValidateRule() => [];

    private IEnumerable<string> ValidateShared()
    {
        // A key of the rule that this convention's formula does not read must stay at its default, so a
        // typed record cannot ask for something the kernel would silently ignore (amsgrad in the lecture).
        if (Specs.OptimizerCatalog.TryFind(Name) is { } lacking && !lacking.Has(Convention))
        {
            yield return Specs.OptimizerCatalog.NoFormula(Name, Convention).Message.TrimEnd('.');
            yield break;
        }
        if (Specs.OptimizerCatalog.TryFind(Name) is { } entry)
        {
            var effective = entry.Effective(Convention);
            var defaults = entry.Defaults(Convention);
            foreach (var key in entry.Keys)
                if (!key.ExistsIn(effective) && key.Get(this) != key.Get(defaults))
                    yield return $"{key.Name} does not exist in the {Specs.OptimizerCatalog.Name(effective)} convention (only in {string.Join(", ", key.OnlyIn!.Select(Specs.OptimizerCatalog.Name))})";
        }
        if (Kernel is null) yield return "kernel settings must not be null; leave them out for KernelSettings.Default";
        if (!(LearningRate >= 0) || double.IsInfinity(LearningRate)) yield return $"lr must be >= 0 and finite, got {LearningRate}";
        if (!(WeightDecay >= 0) || double.IsInfinity(WeightDecay)) yield return $"weight_decay must be >= 0 and finite, got {WeightDecay}";
        if (ClipNorm is { } c && (!(c > 0) || double.IsInfinity(c))) yield return $"clip_norm must be > 0 and finite, got {c}";
        if (ClipValue is { } v && (!(v > 0) || double.IsInfinity(v))) yield return $"clip_value must be > 0 and finite, got {v}";
        if (ClipNorm is not null && ClipValue is not null) yield return "clip_norm and clip_value cannot be combined; choose one";
        if (Schedule is not null)
        {
            foreach (string problem in Schedule.Validate()) yield return $"schedule {Schedule.Name}: {problem}";
            if (Schedule is OneCycleSchedule { CycleMomentum: true } or CyclicSchedule { CycleMomentum: true } && CycledMomentum is null)
                yield return $"schedule {Schedule.Name}: cycle_momentum=true needs a rule with momentum or beta1; set cycle_momentum=false";
            if (Schedule is CyclicSchedule { CycleMomentum: true } && CycledMomentum is { IsBeta1: true })
                yield return "schedule cyclic: cycle_momentum=true needs a rule with momentum (PyTorch 1.13 does not cycle beta1); set cycle_momentum=false";
        }
    }

    /// <summary>
    /// Gradient evaluations one step takes: 1, or the look-ahead points of a rule that averages several
    /// (<c>smoothed-nesterov</c>). What a run's budget of work counts.
    /// </summary>
    public virtual int GradientsPerStep() => 1;

    /// <summary>Creates the optimizer for a flat buffer of <paramref name="length"/> parameters, one group.</summary>
    public abstract Optimizer<T> Create<T>(int length) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem <see cref="Validate"/> finds.</summary>
    public void EnsureValid()
    {
        var problems = Validate().ToList();
        if (problems.Count > 0) throw new ArgumentException($"{Name}: {string.Join("; ", problems)}");
    }
}
