using Descent.Specs;

namespace Descent.Schedules;

/// <summary>
/// The learning-rate schedules by name, with their keys, in the spec language: the value of an
/// optimizer's <c>schedule</c> key, <c>cosine(t_max=125, eta_min=0.01)</c>. Every schedule also takes
/// <c>per=step|epoch</c>.
/// </summary>
public static class ScheduleCatalog
{
    private static readonly ScheduleKey Per = ScheduleKey.Choice<ScheduleOptions>("per", ["step", "epoch"],
        o => o.PerEpoch ? "epoch" : "step", (o, v) => o with { PerEpoch = v == "epoch" });

    /// <summary>Each schedule: name, the torch.optim.lr_scheduler class it follows, its defaults and keys.</summary>
    public static IReadOnlyList<(string Name, string Summary, Func<ScheduleOptions> Defaults, IReadOnlyList<ScheduleKey> Keys)> Entries { get; } =
    [
        ("step", "multiply by gamma every step_size steps (StepLR)", () => new StepSchedule(),
        [
            ScheduleKey.Integer<StepSchedule>("step_size", o => o.StepSize, (o, v) => o with { StepSize = v }),
            ScheduleKey.Number<StepSchedule>("gamma", o => o.Gamma, (o, v) => o with { Gamma = v }),
        ]),
        ("multistep", "multiply by gamma at each milestone (MultiStepLR)", () => new MultiStepSchedule(),
        [
            ScheduleKey.Integers<MultiStepSchedule>("milestones", o => o.Milestones, (o, v) => o with { Milestones = v }),
            ScheduleKey.Number<MultiStepSchedule>("gamma", o => o.Gamma, (o, v) => o with { Gamma = v }),
        ]),
        ("exponential", "multiply by gamma every step (ExponentialLR)", () => new ExponentialSchedule(),
        [
            ScheduleKey.Number<ExponentialSchedule>("gamma", o => o.Gamma, (o, v) => o with { Gamma = v }),
        ]),
        ("cosine", "half a cosine from lr to eta_min over t_max steps (CosineAnnealingLR)", () => new CosineSchedule(),
        [
            ScheduleKey.Integer<CosineSchedule>("t_max", o => o.TMax, (o, v) => o with { TMax = v }),
            ScheduleKey.Number<CosineSchedule>("eta_min", o => o.EtaMin, (o, v) => o with { EtaMin = v }),
        ]),
        ("cosine-restarts", "cosine annealing restarted every t_0·t_mult^i steps (CosineAnnealingWarmRestarts)", () => new CosineRestartsSchedule(),
        [
            ScheduleKey.Integer<CosineRestartsSchedule>("t_0", o => o.T0, (o, v) => o with { T0 = v }),
            ScheduleKey.Integer<CosineRestartsSchedule>("t_mult", o => o.TMult, (o, v) => o with { TMult = v }),
            ScheduleKey.Number<CosineRestartsSchedule>("eta_min", o => o.EtaMin, (o, v) => o with { EtaMin = v }),
        ]),
        ("linear", "scale lr from start_factor to end_factor over total_iters steps: warm-up (LinearLR)", () => new LinearSchedule(),
        [
            ScheduleKey.Number<LinearSchedule>("start_factor", o => o.StartFactor, (o, v) => o with { StartFactor = v }),
            ScheduleKey.Number<LinearSchedule>("end_factor", o => o.EndFactor, (o, v) => o with { EndFactor = v }),
            ScheduleKey.Integer<LinearSchedule>("total_iters", o => o.TotalIters, (o, v) => o with { TotalIters = v }),
        ]),
        ("polynomial", "decay to 0 as (1 - t/total_iters)^power (PolynomialLR)", () => new PolynomialSchedule(),
        [
            ScheduleKey.Integer<PolynomialSchedule>("total_iters", o => o.TotalIters, (o, v) => o with { TotalIters = v }),
            ScheduleKey.Number<PolynomialSchedule>("power", o => o.Power, (o, v) => o with { Power = v }),
        ]),
        ("onecycle", "Smith's 1cycle: up to max_lr and down, momentum the other way (OneCycleLR)", () => new OneCycleSchedule(),
        [
            ScheduleKey.Number<OneCycleSchedule>("max_lr", o => o.MaxLearningRate, (o, v) => o with { MaxLearningRate = v }),
            ScheduleKey.Integer<OneCycleSchedule>("total_steps", o => o.TotalSteps, (o, v) => o with { TotalSteps = v }),
            ScheduleKey.Number<OneCycleSchedule>("pct_start", o => o.PctStart, (o, v) => o with { PctStart = v }),
            ScheduleKey.Choice<OneCycleSchedule>("anneal", ["cos", "linear"], o => o.LinearAnneal ? "linear" : "cos", (o, v) => o with { LinearAnneal = v == "linear" }),
            ScheduleKey.Number<OneCycleSchedule>("div_factor", o => o.DivFactor, (o, v) => o with { DivFactor = v }),
            ScheduleKey.Number<OneCycleSchedule>("final_div_factor", o => o.FinalDivFactor, (o, v) => o with { FinalDivFactor = v }),
            ScheduleKey.Boolean<OneCycleSchedule>("three_phase", o => o.ThreePhase, (o, v) => o with { ThreePhase = v }),
            ScheduleKey.Boolean<OneCycleSchedule>("cycle_momentum", o => o.CycleMomentum, (o, v) => o with { CycleMomentum = v }),
            ScheduleKey.Number<OneCycleSchedule>("base_momentum", o => o.BaseMomentum, (o, v) => o with { BaseMomentum = v }),
            ScheduleKey.Number<OneCycleSchedule>("max_momentum", o => o.MaxMomentum, (o, v) => o with { MaxMomentum = v }),
        ]),
        ("cyclic", "Smith's cyclical rates between base_lr and max_lr (CyclicLR)", () => new CyclicSchedule(),
        [
            ScheduleKey.Number<CyclicSchedule>("base_lr", o => o.BaseLearningRate, (o, v) => o with { BaseLearningRate = v }),
            ScheduleKey.Number<CyclicSchedule>("max_lr", o => o.MaxLearningRate, (o, v) => o with { MaxLearningRate = v }),
            ScheduleKey.Integer<CyclicSchedule>("step_size_up", o => o.StepSizeUp, (o, v) => o with { StepSizeUp = v }),
            ScheduleKey.OptionalInteger<CyclicSchedule>("step_size_down", o => o.StepSizeDown, (o, v) => o with { StepSizeDown = v }),
            ScheduleKey.Choice<CyclicSchedule>("mode", [.. CyclicSchedule.Modes], o => o.Mode, (o, v) => o with { Mode = v }),
            ScheduleKey.Number<CyclicSchedule>("gamma", o => o.Gamma, (o, v) => o with { Gamma = v }),
            ScheduleKey.Boolean<CyclicSchedule>("cycle_momentum", o => o.CycleMomentum, (o, v) => o with { CycleMomentum = v }),
            ScheduleKey.Number<CyclicSchedule>("base_momentum", o => o.BaseMomentum, (o, v) => o with { BaseMomentum = v }),
            ScheduleKey.Number<CyclicSchedule>("max_momentum", o => o.MaxMomentum, (o, v) => o with { MaxMomentum = v }),
        ]),
        ("sequential", "run schedules in turn, switching at milestones: warm-up then decay (SequentialLR)", () => new SequentialSchedule(),
        [
            ScheduleKey.Integers<SequentialSchedule>("milestones", o => o.Milestones, (o, v) => o with { Milestones = v }),
        ]),
        ("plateau", "divide by 1/factor when the loss stalls for patience steps (ReduceLROnPlateau)", () => new PlateauSchedule(),
        [
            ScheduleKey.Number<PlateauSchedule>("factor", o => o.Factor, (o, v) => o with { Factor = v }),
            ScheduleKey.Integer<PlateauSchedule>("patience", o => o.Patience, (o, v) => o with { Patience = v }),
            ScheduleKey.Number<PlateauSchedule>("threshold", o => o.Threshold, (o, v) => o with { Threshold = v }),
            ScheduleKey.Choice<PlateauSchedule>("threshold_mode", ["rel", "abs"], o => o.AbsoluteThreshold ? "abs" : "rel", (o, v) => o with { AbsoluteThreshold = v == "abs" }),
            ScheduleKey.Choice<PlateauSchedule>("mode", ["min", "max"], o => o.Maximize ? "max" : "min", (o, v) => o with { Maximize = v == "max" }),
            ScheduleKey.Integer<PlateauSchedule>("cooldown", o => o.Cooldown, (o, v) => o with { Cooldown = v }),
            ScheduleKey.Number<PlateauSchedule>("min_lr", o => o.MinLearningRate, (o, v) => o with { MinLearningRate = v }),
            ScheduleKey.Number<PlateauSchedule>("eps", o => o.Eps, (o, v) => o with { Eps = v }),
        ]),
    ];

    /// <summary>The schedules' names.</summary>
    public static IEnumerable<string> Names => Entries.Select(e => e.Name);

    /// <summary>Reads a schedule spec; throws <see cref="SpecException"/> naming the problem and the valid choices.</summary>
    public static ScheduleOptions Resolve(string text)
    {
        var spec = OptimizerSpec.Parse(text);
        var entry = Entries.FirstOrDefault(e => e.Name == spec.Name);
        if (entry.Name is null) throw new SpecException($"Unknown schedule '{spec.Name}'; valid: {string.Join(", ", Names)}.");
        var options = entry.Defaults();
        var inner = new List<ScheduleOptions>();
        foreach (var (key, value) in spec.Values)
        {
            if (key.Length == 0)
            {
                if (entry.Name != "sequential") throw new SpecException($"{entry.Name}: '{value}' needs a key; valid keys: {ValidKeys(entry.Keys)}.");
                string innerName = OptimizerSpec.Parse(value).Name;
                // Checked before reading it, so a deeply nested text is refused without recursing.
                if (innerName is "sequential" or "plateau")
                    throw new SpecException($"sequential: {innerName} cannot run inside sequential (PyTorch's SequentialLR steps its parts without a loss or an epoch).");
                inner.Add(Resolve(value));
                continue;
            }
            var k = key == "per" ? Per : entry.Keys.FirstOrDefault(k => k.Name == key)
                ?? throw new SpecException($"{entry.Name}: unknown key '{key}'; valid keys: {ValidKeys(entry.Keys)}.");
            options = k.Set(options, value);
        }
        if (options is SequentialSchedule sequential) options = sequential with { Schedules = inner };
        var problems = options.Validate().ToList();
        if (problems.Count > 0) throw new SpecException($"{spec}: {string.Join("; ", problems)}.");
        return options;
    }

    /// <summary>The spec text of <paramref name="options"/>, with every key; <see cref="Resolve"/> reads it back to an equal record.</summary>
    public static string Describe(ScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var entry = Entries.First(e => e.Name == options.Name);
        var items = new List<KeyValuePair<string, string>>();
        if (options is SequentialSchedule s) items.AddRange(s.Schedules.Select(i => new KeyValuePair<string, string>("", Describe(i))));
        items.AddRange(entry.Keys.Select(k => new KeyValuePair<string, string>(k.Name, k.Get(options))));
        if (options.PerEpoch) items.Add(new("per", "epoch"));
        return new OptimizerSpec(entry.Name, items).ToString();
    }

    private static string ValidKeys(IReadOnlyList<ScheduleKey> keys) => string.Join(", ", keys.Select(k => k.Name).Append("per"));
}
