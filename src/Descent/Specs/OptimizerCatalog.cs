using Descent.Optimizers;

namespace Descent.Specs;

/// <summary>
/// The registry of update rules, by name: the table behind spec parsing, <c>descent list optimizers</c>,
/// the page's optimizer menu, the recipes, the bench and the tests' optimizer matrix. The built-in rules
/// register through <see cref="Register"/>, exactly as a library user's own rule does.
/// </summary>
public static class OptimizerCatalog
{
    private static readonly object Gate = new();
    private static OptimizerEntry[] _entries = [];
    private static readonly Convention[] All3 = [Convention.PyTorch, Convention.Lasagne, Convention.Lecture];
    private const Convention PT = Convention.PyTorch, LA = Convention.Lasagne, LE = Convention.Lecture, KE = Convention.Keras;

    /// <summary>Every convention, in the order commands and the page list them.</summary>
    public static IReadOnlyList<Convention> Conventions { get; } = [Convention.PyTorch, Convention.Lasagne, Convention.Lecture, Convention.Keras];

    /// <summary>The rules with a formula under <paramref name="convention"/> (<see cref="OptimizerEntry.Has"/>).</summary>
    public static IEnumerable<string> NamesIn(Convention convention) => Entries.Where(e => e.Has(convention)).Select(e => e.Name);

    /// <summary>The error for a rule without a formula under <paramref name="convention"/>: it names those that have one.</summary>
    public static SpecException NoFormula(string rule, Convention convention) =>
        new($"{OptimizerSpec.Quote(rule)} has no {Name(convention)} formula; {Name(convention)} has: {string.Join(", ", NamesIn(convention))}.");


    private static readonly SpecKey[] MomentumKeys =
    [
        SpecKey.Number<MomentumOptions>("momentum", o => o.Momentum, (o, v) => o with { Momentum = v }),
        SpecKey.Number<MomentumOptions>("dampening", o => o.Dampening, (o, v) => o with { Dampening = v }, PT),
    ];

    // The lecture's conventions and Keras's: Keras defines every rule that the three do except smoothed-nesterov.
    private static readonly Convention[] All4 = [.. All3, Convention.Keras];

    /// <summary>beta1, beta2 and eps.</summary>
    private static SpecKey[] MomentKeys() =>
    [
        SpecKey.Number<AdamFamilyOptions>("beta1", o => o.Beta1, (o, v) => o with { Beta1 = v }),
        SpecKey.Number<AdamFamilyOptions>("beta2", o => o.Beta2, (o, v) => o with { Beta2 = v }),
        SpecKey.Number<AdamFamilyOptions>("eps", o => o.Epsilon, (o, v) => o with { Epsilon = v }),
    ];

    private static readonly SpecKey[] AdamKeys =
    [
        .. MomentKeys(),
        SpecKey.Boolean<AdamOptions>("amsgrad", o => o.AmsGrad, (o, v) => o with { AmsGrad = v }, PT, LA, KE),
    ];

    static OptimizerCatalog()
    {
        foreach (var entry in BuiltIn()) Register(entry);
    }

    /// <summary>Every registered rule: the built-in ones in the order of the lecture and then the newer ones, then the user's.</summary>
    public static IReadOnlyList<OptimizerEntry> Entries => Volatile.Read(ref _entries);

    /// <summary>
    /// Adds a rule: its name, summary, conventions, keys and the factory of its options. From then on its
    /// specs parse, <c>descent list</c> shows it, and trajectories, responses, training and the bench run
    /// it like a built-in. A name already registered is refused.
    /// </summary>
    public static void Register(OptimizerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Name.Length == 0 || !entry.Name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-' || c == '_'))
            throw new ArgumentException($"'{entry.Name}' is not a rule name (lower-case letters, digits, '-').", nameof(entry));
        foreach (var (function, text) in entry.Showcase)
        {
            OptimizerSpec spec;
            try { spec = OptimizerSpec.Parse(text); }
            catch (SpecException e) { throw new ArgumentException($"{entry.Name}: the showcase spec for '{function}' does not parse: {e.Message}", nameof(entry), e); }
            if (spec.Name != entry.Name)
                throw new ArgumentException($"{entry.Name}: the showcase spec for '{function}' is for '{spec.Name}'; it must name the rule it comes with.", nameof(entry));
        }
        lock (Gate)
        {
            if (_entries.Any(e => e.Name == entry.Name)) throw new ArgumentException($"A rule named '{entry.Name}' is already registered.", nameof(entry));
            Volatile.Write(ref _entries, [.. _entries, entry]);
        }
    }

    /// <summary>Swaps <paramref name="old"/> for <paramref name="replacement"/> in place (a typed rule redefined under its name).</summary>
    internal static void Replace(OptimizerEntry old, OptimizerEntry replacement)
    {
        lock (Gate) Volatile.Write(ref _entries, [.. _entries.Select(e => ReferenceEquals(e, old) ? replacement : e)]);
    }

    private static OptimizerEntry[] BuiltIn() =>
    [
        Rule("sgd", "gradient descent; momentum, dampening, Nesterov and L2 decay as torch.optim.SGD", c => SgdOptions.For(c), [PT, LA, KE],
        [
            SpecKey.Number<SgdOptions>("momentum", o => o.Momentum, (o, v) => o with { Momentum = v }, PT, KE),
            SpecKey.Number<SgdOptions>("dampening", o => o.Dampening, (o, v) => o with { Dampening = v }, PT),
            SpecKey.Boolean<SgdOptions>("nesterov", o => o.Nesterov, (o, v) => o with { Nesterov = v }, PT, KE),
        ]),
        Rule("momentum", "heavy-ball momentum (PyTorch: SGD with momentum)", c => MomentumOptions.For(c), All4, MomentumKeys),
        Rule("nesterov", "Nesterov momentum; the lecture's looks ahead to p - momentum*v through the gradient oracle", c => NesterovOptions.For(c), All4, MomentumKeys),
        Rule("smoothed-nesterov", "the lecture's Nesterov averaged over `points` look-ahead points (oracle)", c => SmoothedNesterovOptions.For(c), [LE],
        [
            .. MomentumKeys.Where(k => k.OnlyIn is null),
            SpecKey.Integer<SmoothedNesterovOptions>("points", o => o.Points, (o, v) => o with { Points = v }),
        ]),
        Rule("adagrad", "Adagrad (Duchi et al. 2011); the lecture's family with power and accumulate=squares|abs", c => AdagradOptions.For(c), All4,
        [
            SpecKey.Number<AdagradOptions>("eps", o => o.Epsilon, (o, v) => o with { Epsilon = v }),
            SpecKey.Number<AdagradOptions>("lr_decay", o => o.LearningRateDecay, (o, v) => o with { LearningRateDecay = v }, PT),
            SpecKey.Number<AdagradOptions>("initial_accumulator", o => o.InitialAccumulator, (o, v) => o with { InitialAccumulator = v }, PT, KE),
            SpecKey.Number<AdagradOptions>("power", o => o.Power, (o, v) => o with { Power = v }, LE),
            SpecKey.Choice<AdagradOptions>("accumulate", ["squares", "abs"], o => o.Accumulate == AdagradAccumulate.Abs ? "abs" : "squares",
                (o, v) => o with { Accumulate = v == "abs" ? AdagradAccumulate.Abs : AdagradAccumulate.Squares }, LE),
        ]),
        Rule("rmsprop", "RMSProp (Tieleman & Hinton 2012); centered=true is Graves 2013", c => RmsPropOptions.For(c), All4,
        [
            SpecKey.Number<RmsPropOptions>("rho", o => o.Rho, (o, v) => o with { Rho = v }),
            SpecKey.Number<RmsPropOptions>("eps", o => o.Epsilon, (o, v) => o with { Epsilon = v }),
            SpecKey.Number<RmsPropOptions>("momentum", o => o.Momentum, (o, v) => o with { Momentum = v }, PT, KE),
            SpecKey.Boolean<RmsPropOptions>("centered", o => o.Centered, (o, v) => o with { Centered = v }, PT, KE),
        ]),
        Rule("adadelta", "Adadelta (Zeiler 2012); initial_delta sets the starting update average", c => AdadeltaOptions.For(c), All4,
        [
            SpecKey.Number<AdadeltaOptions>("rho", o => o.Rho, (o, v) => o with { Rho = v }),
            SpecKey.Number<AdadeltaOptions>("eps", o => o.Epsilon, (o, v) => o with { Epsilon = v }),
            SpecKey.Number<AdadeltaOptions>("initial_delta", o => o.InitialDelta, (o, v) => o with { InitialDelta = v }),
        ]),
        Rule("adam", "Adam (Kingma & Ba 2015); amsgrad=true is AMSGrad", c => AdamOptions.For(c), All4, AdamKeys),
        Rule("adamw", "Adam with decoupled weight decay (Loshchilov & Hutter 2019)", c => AdamWOptions.For(c), [PT, KE],
        [
            .. MomentKeys(),
            SpecKey.Boolean<AdamOptions>("amsgrad", o => o.AmsGrad, (o, v) => o with { AmsGrad = v }),
        ]),
        Rule("adamax", "Adamax, Adam with the infinity norm (Kingma & Ba 2015, section 7.1)", c => AdamaxOptions.For(c), All4, MomentKeys()),
        Rule("nadam", "Adam with Nesterov momentum (Dozat 2016)", c => NAdamOptions.For(c), [PT, KE],
        [
            .. MomentKeys(),
            SpecKey.Number<NAdamOptions>("momentum_decay", o => o.MomentumDecay, (o, v) => o with { MomentumDecay = v }, PT),
        ]),
        Rule("radam", "rectified Adam (Liu et al. 2020)", c => RAdamOptions.For(c), [PT], MomentKeys()),
        Rule("lion", "Lion, the sign of an interpolated momentum (Chen et al. 2023), as lucidrains/lion-pytorch; decoupled decay", c => LionOptions.For(c), [PT, KE],
        [
            SpecKey.Number<LionOptions>("beta1", o => o.Beta1, (o, v) => o with { Beta1 = v }),
            SpecKey.Number<LionOptions>("beta2", o => o.Beta2, (o, v) => o with { Beta2 = v }),
        ]),
        Rule("rprop", "Rprop, per-coordinate step sizes from gradient signs (Riedmiller & Braun 1993), as torch.optim.Rprop 1.13", c => RpropOptions.For(c), [PT],
        [
            SpecKey.Number<RpropOptions>("eta_minus", o => o.EtaMinus, (o, v) => o with { EtaMinus = v }),
            SpecKey.Number<RpropOptions>("eta_plus", o => o.EtaPlus, (o, v) => o with { EtaPlus = v }),
            SpecKey.Number<RpropOptions>("step_min", o => o.StepMin, (o, v) => o with { StepMin = v }),
            SpecKey.Number<RpropOptions>("step_max", o => o.StepMax, (o, v) => o with { StepMax = v }),
        ]),
        Rule("asgd", "averaged SGD (Polyak & Juditsky 1992), as torch.optim.ASGD 1.13; the average is state ax", c => AsgdOptions.For(c), [PT],
        [
            SpecKey.Number<AsgdOptions>("lambd", o => o.Lambd, (o, v) => o with { Lambd = v }),
            SpecKey.Number<AsgdOptions>("alpha", o => o.Alpha, (o, v) => o with { Alpha = v }),
            SpecKey.Number<AsgdOptions>("t0", o => o.T0, (o, v) => o with { T0 = v }),
        ]),
        Rule("adabelief", "AdaBelief, Adam on the belief (g - m)^2 (Zhuang et al. 2020), as adabelief-pytorch 0.2.1; rectified, decoupled decay", c => AdaBeliefOptions.For(c), [PT],
        [
            SpecKey.Number<AdaBeliefOptions>("beta1", o => o.Beta1, (o, v) => o with { Beta1 = v }),
            SpecKey.Number<AdaBeliefOptions>("beta2", o => o.Beta2, (o, v) => o with { Beta2 = v }),
            SpecKey.Number<AdaBeliefOptions>("eps", o => o.Epsilon, (o, v) => o with { Epsilon = v }),
            SpecKey.Boolean<AdaBeliefOptions>("rectify", o => o.Rectify, (o, v) => o with { Rectify = v }),
        ]),
        Rule("lamb", "LAMB, Adam with a layer-wise trust ratio (You et al. 2020), as timm's Lamb; the gradient pre-scaled by its global norm", c => LambOptions.For(c), [PT, KE],
        [
            SpecKey.Number<LambOptions>("beta1", o => o.Beta1, (o, v) => o with { Beta1 = v }),
            SpecKey.Number<LambOptions>("beta2", o => o.Beta2, (o, v) => o with { Beta2 = v }),
            SpecKey.Number<LambOptions>("eps", o => o.Epsilon, (o, v) => o with { Epsilon = v }),
            SpecKey.Boolean<LambOptions>("bias_correction", o => o.BiasCorrection, (o, v) => o with { BiasCorrection = v }, PT),
            SpecKey.Number<LambOptions>("max_grad_norm", o => o.MaxGradNorm, (o, v) => o with { MaxGradNorm = v }, PT),
            SpecKey.Boolean<LambOptions>("trust_clip", o => o.TrustClip, (o, v) => o with { TrustClip = v }, PT),
            SpecKey.Boolean<LambOptions>("always_adapt", o => o.AlwaysAdapt, (o, v) => o with { AlwaysAdapt = v }, PT),
        ]),
        Rule("schedule-free-adamw", "Schedule-Free AdamW (Defazio et al. 2024), as facebookresearch/schedule_free 1.4.1; state z, evaluated at x", c => ScheduleFreeAdamWOptions.For(c), [PT],
        [
            SpecKey.Number<ScheduleFreeAdamWOptions>("beta1", o => o.Beta1, (o, v) => o with { Beta1 = v }),
            SpecKey.Number<ScheduleFreeAdamWOptions>("beta2", o => o.Beta2, (o, v) => o with { Beta2 = v }),
            SpecKey.Number<ScheduleFreeAdamWOptions>("eps", o => o.Epsilon, (o, v) => o with { Epsilon = v }),
            SpecKey.Integer<ScheduleFreeAdamWOptions>("warmup_steps", o => o.WarmupSteps, (o, v) => o with { WarmupSteps = v }),
            SpecKey.Number<ScheduleFreeAdamWOptions>("r", o => o.R, (o, v) => o with { R = v }),
            SpecKey.Number<ScheduleFreeAdamWOptions>("weight_lr_power", o => o.WeightLrPower, (o, v) => o with { WeightLrPower = v }),
        ]),
        Rule("muon", "Muon, momentum orthogonalized by bfloat16 Newton–Schulz (Jordan et al. 2024), as torch.optim.Muon; a trajectory's point is the 1×2 matrix [[x, y]]; in training Muon on hidden dense weights, AdamW (adamw_lr) on the rest", c => MuonOptions.For(c), [PT],
        [
            SpecKey.Number<MuonOptions>("momentum", o => o.Momentum, (o, v) => o with { Momentum = v }),
            SpecKey.Boolean<MuonOptions>("nesterov", o => o.Nesterov, (o, v) => o with { Nesterov = v }),
            SpecKey.Integer<MuonOptions>("ns_steps", o => o.NewtonSchulzSteps, (o, v) => o with { NewtonSchulzSteps = v }),
            SpecKey.Number<MuonOptions>("eps", o => o.Epsilon, (o, v) => o with { Epsilon = v }),
            SpecKey.Choice<MuonOptions>("adjust_lr", ["original", "match_rms_adamw"], o => o.AdjustLearningRate == MuonLearningRateAdjustment.MatchRmsAdamW ? "match_rms_adamw" : "original",
                (o, v) => o with { AdjustLearningRate = v == "match_rms_adamw" ? MuonLearningRateAdjustment.MatchRmsAdamW : MuonLearningRateAdjustment.Original }),
            SpecKey.Number<MuonOptions>("adamw_lr", o => o.AdamWLearningRate, (o, v) => o with { AdamWLearningRate = v }),
        ]),
        // Lookahead and L-BFGS (issue 12, helper B).
        Rule("lookahead", "Lookahead (Zhang et al. 2019), k steps of the inner rule then one step back, as timm's Lookahead; lookahead(adam(lr=0.1), k=5, alpha=0.5)",
            c => LookaheadOptions.For(c), Enum.GetValues<Convention>(),
        [
            SpecKey.Optimizer<LookaheadOptions>("optimizer", o => o.Inner, (o, v) => o with { Inner = v }),
            SpecKey.Integer<LookaheadOptions>("k", o => o.K, (o, v) => o with { K = v }),
            SpecKey.Number<LookaheadOptions>("alpha", o => o.Alpha, (o, v) => o with { Alpha = v }),
        ], wrapper: true),
        Rule("lbfgs", "L-BFGS (Liu & Nocedal 1989) as torch.optim.LBFGS 1.13: one step = one step(closure), up to max_iter iterations; reads the loss",
            c => LbfgsOptions.For(c), [PT],
        [
            SpecKey.Integer<LbfgsOptions>("max_iter", o => o.MaxIter, (o, v) => o with { MaxIter = v }),
            SpecKey.OptionalInteger<LbfgsOptions>("max_eval", o => o.MaxEval, (o, v) => o with { MaxEval = v }),
            SpecKey.Number<LbfgsOptions>("tolerance_grad", o => o.ToleranceGrad, (o, v) => o with { ToleranceGrad = v }),
            SpecKey.Number<LbfgsOptions>("tolerance_change", o => o.ToleranceChange, (o, v) => o with { ToleranceChange = v }),
            SpecKey.Integer<LbfgsOptions>("history_size", o => o.HistorySize, (o, v) => o with { HistorySize = v }),
            SpecKey.Choice<LbfgsOptions>("line_search", ["none", "strong_wolfe"], o => o.StrongWolfe ? "strong_wolfe" : "none", (o, v) => o with { StrongWolfe = v == "strong_wolfe" }),
        ], shared: [.. SpecKey.Shared.Where(k => k.Name == "schedule")]),
    ];

    // A built-in rule brings its tuned learning rates on the classic functions, as a user's rule may.
    private static OptimizerEntry Rule(string name, string summary, Func<Convention, OptimizerOptions> defaults, IReadOnlyList<Convention> definedIn, IReadOnlyList<SpecKey> keys,
        bool wrapper = false, IReadOnlyList<SpecKey>? shared = null) =>
        new(name, summary, defaults, definedIn, keys) { Showcase = ClassicShowcase.For(name), Wrapper = wrapper, SharedKeys = shared };

    /// <summary>The names of every rule.</summary>
    public static IEnumerable<string> Names => Entries.Select(e => e.Name);

    /// <summary>The entry named <paramref name="name"/>, or null.</summary>
    public static OptimizerEntry? TryFind(string name) => Entries.FirstOrDefault(e => e.Name == name.Trim().ToLowerInvariant());

    /// <summary>The entry named <paramref name="name"/>; throws <see cref="SpecException"/> listing the valid names.</summary>
    public static OptimizerEntry Find(string name) =>
        Entries.FirstOrDefault(e => e.Name == name.Trim().ToLowerInvariant())
        ?? throw new SpecException($"Unknown optimizer '{OptimizerSpec.Quote(name)}'; valid: {string.Join(", ", Names)}.");

    /// <summary>
    /// The rule <paramref name="spec"/> names: a registered one, or for <c>rule(...)</c> the typed rule it defines (its
    /// statements parsed and checked; a <see cref="Rules.RuleException"/> points at a bad character).
    /// </summary>
    public static OptimizerEntry EntryOf(OptimizerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Name == Rules.TypedRules.Unnamed ? Rules.TypedRules.Define(spec.Name, spec) : Find(spec.Name);
    }

    /// <summary>Parses <paramref name="text"/> into validated options under <paramref name="convention"/>.</summary>
    public static OptimizerOptions Resolve(string text, Convention convention) => Resolve(OptimizerSpec.Parse(text), convention);

    /// <summary>
    /// The options <paramref name="spec"/> asks for under <paramref name="convention"/>: the convention's
    /// defaults, then each key. Unknown keys, values out of range and inconsistent values are errors.
    /// </summary>
    public static OptimizerOptions Resolve(OptimizerSpec spec, Convention convention)
    {
        var entry = EntryOf(spec);
        var options = entry.Defaults(convention);
        var effective = entry.Effective(convention);
        var given = new HashSet<SpecKey>();
        foreach (var (key, value) in spec.Values)
        {
            // A typed rule's statements: read by Define above.
            if (key.Length == 0 && entry.Name == Rules.TypedRules.Unnamed) continue;
            string valid = string.Join(", ", entry.KeysIn(convention).Select(k => k.Name));
            // A value without a key is a wrapper's inner rule (lookahead(adam(lr=0.1))); other rules have none.
            if (key.Length == 0 && !entry.Keys.Any(k => k.Positional))
                throw new SpecException($"{entry.Name}: '{OptimizerSpec.Quote(value)}' has no key; {entry.Name} wraps no other rule; write key=value, valid keys: {valid}.");
            // Specs arrive with lower-case keys; a named typed rule may declare upper-case ones (D for Adadelta's average).
            var k = key.Length == 0 ? entry.Keys.First(k => k.Positional) : entry.Keys.FirstOrDefault(k => k.Name == key)
                ?? (entry.Keys.Count(k => k.Name.Equals(key, StringComparison.OrdinalIgnoreCase)) == 1
                    ? entry.Keys.First(k => k.Name.Equals(key, StringComparison.OrdinalIgnoreCase)) : null);
            if (k is null && entry.Wrapper && (key == SpecKey.LearningRate.Name || SpecKey.Shared.Any(s => s.Name == key)))
                throw new SpecException($"{entry.Name}: {OptimizerSpec.Quote(key)} belongs to the rule it wraps; write it inside, e.g. {entry.Name}(adam({OptimizerSpec.Quote(key)}=...)); valid keys: {valid}.");
            if (k is null)
                throw new SpecException($"{entry.Name}: unknown key '{OptimizerSpec.Quote(key)}'; valid keys: {valid}.");
            if (!k.ExistsIn(effective))
                throw new SpecException($"{entry.Name}: key '{OptimizerSpec.Quote(key)}' does not exist in the {Name(effective)} convention (only in {string.Join(", ", k.OnlyIn!.Select(Name))}); valid keys: {valid}.");
            if (!given.Add(k)) throw new SpecException($"{entry.Name}: {k.Name} is given twice (once without its name).");
            options = k.Set(options, value);
        }
        var problems = options.Validate().ToList();
        if (problems.Count > 0) throw new SpecException($"{OptimizerSpec.Quote(spec.ToString())}: {string.Join("; ", problems)}.");
        return options;
    }

    /// <summary>Every key of <paramref name="options"/> with its value, as a spec (what a run actually used).</summary>
    public static OptimizerSpec Describe(OptimizerOptions options)
    {
        var entry = options is TypedRuleOptions { RuleName: Rules.TypedRules.Unnamed } typed
            ? Rules.TypedRules.Define(typed.RuleName, new OptimizerSpec(typed.RuleName,
                [new("", typed.Program.Source), .. typed.Values.OrderBy(v => DeclaredOrder(typed.Program, v.Key)).Select(v => new KeyValuePair<string, string>(v.Key, OptimizerSpec.FormatNumber(v.Value)))]))
            : Find(options.Name);
        // A shared key at the rule's default (no schedule, no clipping, the rule's decay mode) is left out.
        var defaults = entry.Defaults(options.Convention);
        IEnumerable<KeyValuePair<string, string>> values = entry.KeysIn(options.Convention)
            .Where(k => k.Unset is null || k.Get(options) != k.Get(defaults))
            .Select(k => new KeyValuePair<string, string>(k.Positional ? "" : k.Name, k.Get(options)));
        if (options is TypedRuleOptions { RuleName: Rules.TypedRules.Unnamed } unnamed) values = values.Prepend(new("", unnamed.Program.Source));
        return new OptimizerSpec(entry.Name, values);
    }

    /// <summary>Where a typed rule's value is printed: its hyperparameters in the order declared, then state in order of assignment.</summary>
    private static int DeclaredOrder(Rules.RuleProgram program, string name)
    {
        int h = program.Hyperparameters.ToList().IndexOf(name);
        return h >= 0 ? h : program.Hyperparameters.Count + program.StateNames.ToList().IndexOf(name);
    }

    /// <summary>The convention's name as written on the command line.</summary>
    public static string Name(Convention convention) => convention.ToString().ToLowerInvariant();

    /// <summary>Parses a convention name; the error lists the valid ones.</summary>
    public static Convention ParseConvention(string text) => text.Trim().ToLowerInvariant() switch
    {
        "pytorch" => Convention.PyTorch,
        "lasagne" => Convention.Lasagne,
        "lecture" => Convention.Lecture,
        "keras" => Convention.Keras,
        _ => throw new SpecException($"Unknown convention '{OptimizerSpec.Quote(text)}'; valid: lecture, lasagne, pytorch, keras."),
    };
}
