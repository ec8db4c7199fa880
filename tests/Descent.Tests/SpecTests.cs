using Descent.Optimizers;
using Descent.Specs;

namespace Descent.Tests;

/// <summary>
/// The spec language (<c>adam(lr=0.25, beta1=0.9)</c>): printing and parsing round-trip, every error
/// is one line that names the problem and the valid choices, and each convention brings its defaults
/// (design/CONVENTIONS.md).
/// </summary>
public sealed class SpecTests
{
    private static readonly Convention[] Conventions = [Convention.PyTorch, Convention.Lasagne, Convention.Lecture];

    /// <summary>The names ARCHITECTURE.md fixes for specs, the CLI and the docs.</summary>
    private static readonly string[] ArchitectureNames =
        ["sgd", "momentum", "nesterov", "smoothed-nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "adamax", "nadam", "radam", "lion", "rprop", "asgd", "adabelief", "lamb", "schedule-free-adamw", "muon", "lookahead", "lbfgs"];

    private static SpecException Rejects(string text, Convention convention = Convention.PyTorch)
    {
        var e = Assert.Throws<SpecException>(() => OptimizerCatalog.Resolve(text, convention));
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain('\r', e.Message);
        return e;
    }

    private static string Value(string text, Convention convention, string key) =>
        OptimizerCatalog.Describe(OptimizerCatalog.Resolve(text, convention))[key]
        ?? throw new Xunit.Sdk.XunitException($"{text} under {convention} has no key '{key}'.");

    // ---- parsing and printing ----

    [Theory]
    [InlineData("adam", "adam")]
    [InlineData("adam()", "adam")]
    [InlineData("adam( )", "adam")]
    [InlineData("  adam  ", "adam")]
    [InlineData("ADAM(LR=0.25)", "adam(lr=0.25)")]
    [InlineData("adam(lr=0.25,beta1=0.9)", "adam(lr=0.25, beta1=0.9)")]
    [InlineData("  Adam ( lr = 0.25 ,   Beta1=0.9 )  ", "adam(lr=0.25, beta1=0.9)")]
    [InlineData("adam(lr=1e-3, eps=1E-08)", "adam(lr=1e-3, eps=1E-08)")]
    [InlineData("rmsprop(alpha=0.9)", "rmsprop(rho=0.9)")]
    [InlineData("rmsprop(ALPHA=0.9, lr=0.01)", "rmsprop(rho=0.9, lr=0.01)")]
    [InlineData("smoothed-nesterov(points=4)", "smoothed-nesterov(points=4)")]
    [InlineData("sgd(nesterov=true, momentum=0.9)", "sgd(nesterov=true, momentum=0.9)")]
    public void OptimizerSpec_Parse_PrintsCanonicalText(string text, string expected)
    {
        var spec = OptimizerSpec.Parse(text);
        Assert.Equal(expected, spec.ToString());
        Assert.Equal(spec, OptimizerSpec.Parse(spec.ToString()));
        Assert.Equal(expected, OptimizerSpec.Parse(expected).ToString());
    }

    [Fact]
    public void OptimizerSpec_Parse_KeepsKeyOrderAndValueTextAndResolvesAlias()
    {
        var spec = OptimizerSpec.Parse("RMSprop(centered=TRUE, Alpha=.95, lr=2.5E-3)");
        Assert.Equal("rmsprop", spec.Name);
        Assert.Equal(["centered", "rho", "lr"], spec.Values.Select(v => v.Key));
        Assert.Equal(["TRUE", ".95", "2.5E-3"], spec.Values.Select(v => v.Value));
        Assert.Equal(".95", spec["rho"]);
        Assert.Null(spec["alpha"]);
        Assert.Null(spec["eps"]);
    }

    [Fact]
    public void OptimizerSpec_Equality_DependsOnNameKeysValuesAndOrder()
    {
        Assert.Equal(OptimizerSpec.Parse("adam(lr=1)"), OptimizerSpec.Parse(" adam ( lr = 1 ) "));
        Assert.NotEqual(OptimizerSpec.Parse("adam(lr=1)"), OptimizerSpec.Parse("adam(lr=1.0)"));
        Assert.NotEqual(OptimizerSpec.Parse("adam(lr=1, eps=1)"), OptimizerSpec.Parse("adam(eps=1, lr=1)"));
        Assert.NotEqual(OptimizerSpec.Parse("adam"), OptimizerSpec.Parse("adamw"));
    }

    [Fact]
    public void OptimizerSpec_ReferenceFileSpecs_RoundTrip()
    {
        foreach (var c in PyTorchReference.Get.Cases)
            Assert.Equal(c.Spec.Replace("alpha=", "rho="), OptimizerSpec.Parse(c.Spec).ToString());
    }

    [Theory]
    [InlineData("", "Empty")]
    [InlineData("   ", "Empty")]
    [InlineData("(lr=1)", "no name")]
    [InlineData("ad am", "not a name")]
    [InlineData("adam!(lr=1)", "not a name")]
    [InlineData("adam(lr=1", "missing its closing ')'")]
    [InlineData("adam(lr=1))", "unbalanced")]
    [InlineData("adam((lr=1)", "unbalanced")]
    [InlineData("adam(lr)", "'lr' is not key=value")]
    [InlineData("adam(lr 0.1)", "is not key=value")]
    [InlineData("adam(lr=0.1,)", "is not key=value")]
    [InlineData("adam(lr=)", "key 'lr' has no value")]
    [InlineData("adam(=0.1)", "has no key")]
    [InlineData("adam(lr=0.1, lr=0.2)", "key 'lr' is given twice")]
    [InlineData("adam(lr=0.1, LR=0.2)", "key 'lr' is given twice")]
    [InlineData("rmsprop(rho=0.9, alpha=0.9)", "key 'rho' is given twice")]
    public void OptimizerSpec_MalformedText_ThrowsOneLineNamingTheProblem(string text, string problem)
    {
        var e = Assert.Throws<SpecException>(() => OptimizerSpec.Parse(text));
        Assert.Contains(problem, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Same(e.GetType(), Assert.Throws<SpecException>(() => OptimizerCatalog.Resolve(text, Convention.PyTorch)).GetType());
    }

    [Fact]
    public void OptimizerSpec_Null_ThrowsArgumentNull() =>
        Assert.Throws<ArgumentNullException>(() => OptimizerSpec.Parse(null!));

    [Fact]
    public void OptimizerSpec_FormatNumber_RoundTripsDoubles()
    {
        foreach (double v in new[] { 0.1, 1e-8, 0.25, 1.0 / 3, 2.5e-300, 123456789.125 })
            Assert.Equal(v, double.Parse(OptimizerSpec.FormatNumber(v), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.001", OptimizerSpec.FormatNumber(1e-3));
        Assert.Equal("1e-08", OptimizerSpec.FormatNumber(1e-8));
    }

    // ---- names and keys ----

    [Fact]
    public void OptimizerCatalog_Names_AreArchitectureNames()
    {
        var names = OptimizerCatalog.Names.ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.All(names, n => Assert.Contains(n, ArchitectureNames));
        foreach (string n in new[] { "sgd", "momentum", "nesterov", "smoothed-nesterov", "adam", "adamw" })
            Assert.Contains(n, names);
    }

    [Theory]
    [InlineData("adamm")]
    [InlineData("bfgs(lr=1)")]
    [InlineData("sgd-momentum")]
    public void OptimizerCatalog_UnknownOptimizer_ListsEveryName(string text)
    {
        var e = Rejects(text);
        Assert.Contains($"Unknown optimizer '{OptimizerSpec.Parse(text).Name}'", e.Message);
        foreach (string name in OptimizerCatalog.Names) Assert.Contains(name, e.Message);
        Assert.Contains("sgd, momentum, nesterov, smoothed-nesterov", e.Message);
    }

    [Theory]
    [InlineData("adam(learning_rate=0.1)", Convention.PyTorch, "learning_rate", "lr, beta1, beta2, eps, amsgrad, weight_decay, decoupled_weight_decay, schedule, clip_norm, clip_value")]
    [InlineData("adam(betas=0.9)", Convention.Lecture, "betas", "lr, beta1, beta2, eps, weight_decay, decoupled_weight_decay, schedule, clip_norm, clip_value")]
    [InlineData("sgd(rho=0.9)", Convention.PyTorch, "rho", "lr, momentum, dampening, nesterov, weight_decay, decoupled_weight_decay, schedule, clip_norm, clip_value")]
    [InlineData("momentum(nesterov=true)", Convention.PyTorch, "nesterov", "lr, momentum, dampening, weight_decay, decoupled_weight_decay, schedule, clip_norm, clip_value")]
    [InlineData("smoothed-nesterov(dampening=0.1)", Convention.Lecture, "dampening", "lr, momentum, points, weight_decay, decoupled_weight_decay, schedule, clip_norm, clip_value")]
    [InlineData("adamw(centered=true)", Convention.Lasagne, "centered", "lr, beta1, beta2, eps, amsgrad, weight_decay, decoupled_weight_decay, schedule, clip_norm, clip_value")]
    public void OptimizerCatalog_UnknownKey_ListsValidKeys(string text, Convention convention, string key, string valid)
    {
        var e = Rejects(text, convention);
        Assert.Contains($"unknown key '{key}'", e.Message);
        Assert.Contains($"valid keys: {valid}.", e.Message);
    }

    [Theory]
    [InlineData("adam(amsgrad=true)", Convention.Lecture, "amsgrad", "lecture", "lr, beta1, beta2, eps, weight_decay, decoupled_weight_decay, schedule, clip_norm, clip_value")]
    [InlineData("rmsprop(centered=true)", Convention.Lasagne, "centered", "lasagne", "lr, rho, eps, weight_decay, decoupled_weight_decay, schedule, clip_norm, clip_value")]
    [InlineData("sgd(momentum=0.9)", Convention.Lasagne, "momentum", "lasagne", "lr, weight_decay, decoupled_weight_decay, schedule, clip_norm, clip_value")]
    [InlineData("sgd(nesterov=true)", Convention.Lasagne, "nesterov", "lasagne", "lr, weight_decay, decoupled_weight_decay, schedule, clip_norm, clip_value")]
    [InlineData("momentum(dampening=0.5)", Convention.Lasagne, "dampening", "lasagne", "lr, momentum, weight_decay, decoupled_weight_decay, schedule, clip_norm, clip_value")]
    [InlineData("adagrad(lr_decay=0.1)", Convention.Lecture, "lr_decay", "lecture", "lr, eps, power, accumulate, weight_decay, decoupled_weight_decay, schedule, clip_norm, clip_value")]
    public void OptimizerCatalog_KeyOfAnotherConvention_SaysWhereItExists(string text, Convention convention, string key, string name, string valid)
    {
        var e = Rejects(text, convention);
        Assert.Contains($"key '{key}' does not exist in the {name} convention (only in ", e.Message);
        Assert.Contains("pytorch", e.Message);
        Assert.Contains($"valid keys: {valid}.", e.Message);
    }

    [Theory]
    [InlineData("adam(lr=fast)", "lr=fast is not a number")]
    [InlineData("adam(lr=0,1)", "'1' is not key=value")]
    [InlineData("adam(lr=NaN)", "lr=NaN is not a number")]
    [InlineData("adam(lr=nan)", "lr=nan is not a number")]
    [InlineData("adam(lr=inf)", "lr=inf is not a number")]
    [InlineData("adam(lr=Infinity)", "lr=Infinity is not a number")]
    [InlineData("adam(lr=-Infinity)", "lr=-Infinity is not a number")]
    [InlineData("adam(lr=1e309)", "lr=1e309 is not a number")]
    [InlineData("adam(eps=-1e400)", "eps=-1e400 is not a number")]
    [InlineData("adam(beta1=0.9x)", "beta1=0.9x is not a number")]
    [InlineData("adam(amsgrad=yes)", "amsgrad=yes is not a boolean; valid: true, false")]
    [InlineData("sgd(nesterov=2)", "nesterov=2 is not a boolean; valid: true, false")]
    [InlineData("smoothed-nesterov(points=2.5)", "points=2.5 is not an integer")]
    [InlineData("smoothed-nesterov(points=four)", "points=four is not an integer")]
    public void OptimizerCatalog_BadValueText_NamesKeyAndValue(string text, string problem)
    {
        var e = Rejects(text, text.StartsWith("smoothed", StringComparison.Ordinal) ? Convention.Lecture : Convention.PyTorch);
        Assert.Contains(problem, e.Message);
    }

    [Theory]
    [InlineData("adam(amsgrad=TRUE)", true)]
    [InlineData("adam(amsgrad=1)", true)]
    [InlineData("adam(amsgrad=False)", false)]
    [InlineData("adam(amsgrad=0)", false)]
    public void OptimizerCatalog_BooleanText_AcceptsTrueFalseOneZero(string text, bool expected) =>
        Assert.Equal(expected, ((AdamOptions)OptimizerCatalog.Resolve(text, Convention.PyTorch)).AmsGrad);

    // ---- ranges ----

    [Theory]
    [InlineData("adam(lr=-0.1)", "lr must be >= 0")]
    [InlineData("adam(beta1=1)", "beta1 must be in [0, 1)")]
    [InlineData("adam(beta1=-0.1)", "beta1 must be in [0, 1)")]
    [InlineData("adam(beta2=1)", "beta2 must be in [0, 1)")]
    [InlineData("adam(beta2=1.5)", "beta2 must be in [0, 1)")]
    [InlineData("adam(eps=-1e-8)", "eps must be >= 0")]
    [InlineData("adam(weight_decay=-0.01)", "weight_decay must be >= 0")]
    [InlineData("adamw(weight_decay=-0.01)", "weight_decay must be >= 0")]
    [InlineData("sgd(lr=-1)", "lr must be >= 0")]
    [InlineData("sgd(momentum=-0.5)", "momentum must be >= 0")]
    [InlineData("sgd(dampening=1.5)", "dampening must be in [0, 1]")]
    [InlineData("momentum(momentum=-0.1)", "momentum must be >= 0")]
    [InlineData("nesterov(lr=-0.1)", "lr must be >= 0")]
    public void OptimizerCatalog_OutOfRange_NamesKeyAndRange(string text, string problem)
    {
        var e = Rejects(text);
        Assert.Contains(problem, e.Message);
        Assert.StartsWith(OptimizerSpec.Parse(text).ToString(), e.Message);
    }

    [Theory]
    [InlineData("smoothed-nesterov(points=0)", "points must be >= 1")]
    [InlineData("smoothed-nesterov(points=-3)", "points must be >= 1")]
    [InlineData("smoothed-nesterov(momentum=-1)", "momentum must be >= 0")]
    [InlineData("momentum(momentum=-0.1)", "momentum must be >= 0")]
    [InlineData("adam(beta1=1)", "beta1 must be in [0, 1)")]
    public void OptimizerCatalog_OutOfRangeUnderLecture_NamesKeyAndRange(string text, string problem) =>
        Assert.Contains(problem, Rejects(text, Convention.Lecture).Message);

    [Theory]
    [RuleData("rmsprop", "rmsprop(rho=1)", "rho")]
    [RuleData("rmsprop", "rmsprop(alpha=1.5)", "rho")]
    [RuleData("rmsprop", "rmsprop(rho=-0.1)", "rho")]
    [RuleData("adadelta", "adadelta(rho=1)", "rho")]
    [RuleData("adamax", "adamax(beta2=1)", "beta2")]
    [RuleData("nadam", "nadam(beta1=1)", "beta1")]
    [RuleData("radam", "radam(beta2=1)", "beta2")]
    [RuleData("adagrad", "adagrad(lr_decay=-0.1)", "lr_decay")]
    [RuleData("adagrad", "adagrad(initial_accumulator=-1)", "initial_accumulator")]
    [RuleData("nadam", "nadam(momentum_decay=-0.1)", "momentum_decay")]
    [RuleData("adadelta", "adadelta(eps=0)", "eps must be > 0")]
    public void OptimizerCatalog_OutOfRangeOfNewerRules_NamesKey(string rule, string text, string key)
    {
        Assert.StartsWith(rule + "(", text);
        Assert.Contains(key, Rejects(text).Message);
    }

    /// <summary>Every key of every rule under every convention where it exists: a value PyTorch or the issue rules out.</summary>
    public static TheoryData<string, Convention, string, string> OutOfRangeCases()
    {
        var bad = new Dictionary<string, string[]>
        {
            ["lr"] = ["-0.001"], ["eps"] = ["-1e-8"], ["momentum"] = ["-0.1"], ["weight_decay"] = ["-0.1"],
            ["beta1"] = ["1", "-0.1"], ["beta2"] = ["1", "-0.1"], ["rho"] = ["1", "-0.1"], ["points"] = ["0"],
            ["dampening"] = ["-0.1"], ["lr_decay"] = ["-0.1"], ["initial_accumulator"] = ["-0.1"], ["momentum_decay"] = ["-0.1"],
            ["eta_minus"] = ["0", "1"], ["eta_plus"] = ["1", "0.5"], ["step_min"] = ["-0.1", "100"], ["step_max"] = ["-0.1"], ["lambd"] = ["-0.1"],
            ["max_grad_norm"] = ["-1"], ["warmup_steps"] = ["-1"],
        };
        // lion-pytorch accepts 0 <= beta <= 1 (beta2 = 1 keeps the momentum at its start); 1.5 is out of range for it.
        var lion = new Dictionary<string, string[]> { ["beta1"] = ["1.5", "-0.1"], ["beta2"] = ["1.5", "-0.1"] };
        var data = new TheoryData<string, Convention, string, string>();
        foreach (var entry in OptimizerCatalog.Entries)
            foreach (var convention in OptimizerCatalog.Conventions.Where(entry.Has))
                foreach (var key in entry.KeysIn(convention))
                    foreach (string value in (entry.Name == "lion" ? lion.GetValueOrDefault(key.Name) : null) ?? bad.GetValueOrDefault(key.Name, []))
                        data.Add(entry.Name, convention, key.Name, value);
        return data;
    }

    [Theory]
    [MemberData(nameof(OutOfRangeCases))]
    public void OptimizerCatalog_EveryKeyOutOfRange_RejectedNamingTheKey(string rule, Convention convention, string key, string value)
    {
        var e = Rejects($"{rule}({key}={value})", convention);
        Assert.Contains(key, e.Message);
        Assert.Contains(value, e.Message);
    }

    [Theory]
    [InlineData("adam(lr=0, beta1=0, beta2=0, eps=0, weight_decay=0)", Convention.PyTorch)]
    [InlineData("adam(beta1=0.999999, beta2=0.999999)", Convention.Lasagne)]
    [InlineData("sgd(lr=0, momentum=0, dampening=1)", Convention.PyTorch)]
    [InlineData("momentum(momentum=0)", Convention.Lecture)]
    [InlineData("smoothed-nesterov(points=1)", Convention.Lecture)]
    [InlineData("nesterov(momentum=0)", Convention.Lasagne)]
    public void OptimizerCatalog_BoundaryValues_Accepted(string text, Convention convention) =>
        OptimizerCatalog.Resolve(text, convention);

    [Theory]
    [InlineData("sgd(nesterov=true)")]
    [InlineData("sgd(nesterov=true, momentum=0)")]
    [InlineData("sgd(nesterov=true, momentum=0.9, dampening=0.1)")]
    [InlineData("nesterov(momentum=0)")]
    [InlineData("nesterov(dampening=0.5)")]
    [InlineData("nesterov(momentum=0.9, dampening=1)")]
    public void OptimizerCatalog_NesterovWithoutMomentumOrWithDampening_RejectedAsPyTorch(string text) =>
        Assert.Contains("nesterov requires momentum > 0 and dampening = 0", Rejects(text).Message);

    [Fact]
    public void OptimizerCatalog_NesterovWithMomentum_Accepted()
    {
        var sgd = (SgdOptions)OptimizerCatalog.Resolve("sgd(momentum=0.9, nesterov=true)", Convention.PyTorch);
        Assert.True(sgd.Nesterov);
        Assert.Equal(0.9, sgd.Momentum);
        var nesterov = (NesterovOptions)OptimizerCatalog.Resolve("nesterov", Convention.PyTorch);
        Assert.Equal(0.9, nesterov.Momentum);
        Assert.Equal(0, nesterov.Dampening);
    }

    [Fact]
    public void OptimizerCatalog_SeveralProblems_AllNamedInOneLine()
    {
        var e = Rejects("adam(lr=-1, beta1=2)");
        Assert.Contains("lr must be >= 0", e.Message);
        Assert.Contains("beta1 must be in [0, 1)", e.Message);
    }

    // ---- convention defaults ----

    [Theory]
    // pytorch (torch.optim)
    [RuleData("sgd", Convention.PyTorch, "lr", 1e-3)]
    [RuleData("sgd", Convention.PyTorch, "momentum", 0.0)]
    [RuleData("momentum", Convention.PyTorch, "momentum", 0.9)]
    [RuleData("adam", Convention.PyTorch, "lr", 1e-3)]
    [RuleData("adam", Convention.PyTorch, "beta1", 0.9)]
    [RuleData("adam", Convention.PyTorch, "beta2", 0.999)]
    [RuleData("adam", Convention.PyTorch, "eps", 1e-8)]
    [RuleData("adam", Convention.PyTorch, "weight_decay", 0.0)]
    [RuleData("adamw", Convention.PyTorch, "weight_decay", 1e-2)]
    [RuleData("adamw", Convention.PyTorch, "lr", 1e-3)]
    [RuleData("adagrad", Convention.PyTorch, "lr", 1e-2)]
    [RuleData("adagrad", Convention.PyTorch, "eps", 1e-10)]
    [RuleData("adagrad", Convention.PyTorch, "initial_accumulator", 0.0)]
    [RuleData("adagrad", Convention.PyTorch, "lr_decay", 0.0)]
    [RuleData("rmsprop", Convention.PyTorch, "lr", 1e-2)]
    [RuleData("rmsprop", Convention.PyTorch, "rho", 0.99)]
    [RuleData("rmsprop", Convention.PyTorch, "eps", 1e-8)]
    [RuleData("rmsprop", Convention.PyTorch, "momentum", 0.0)]
    [RuleData("adadelta", Convention.PyTorch, "lr", 1.0)]
    [RuleData("adadelta", Convention.PyTorch, "rho", 0.9)]
    [RuleData("adadelta", Convention.PyTorch, "eps", 1e-6)]
    [RuleData("adamax", Convention.PyTorch, "lr", 2e-3)]
    [RuleData("adamax", Convention.PyTorch, "eps", 1e-8)]
    [RuleData("nadam", Convention.PyTorch, "lr", 2e-3)]
    [RuleData("nadam", Convention.PyTorch, "momentum_decay", 4e-3)]
    [RuleData("radam", Convention.PyTorch, "lr", 1e-3)]
    [RuleData("radam", Convention.PyTorch, "beta2", 0.999)]
    // lasagne (lasagne.updates)
    [RuleData("momentum", Convention.Lasagne, "momentum", 0.9)]
    [RuleData("nesterov", Convention.Lasagne, "momentum", 0.9)]
    [RuleData("adam", Convention.Lasagne, "lr", 1e-3)]
    [RuleData("adam", Convention.Lasagne, "eps", 1e-8)]
    [RuleData("adagrad", Convention.Lasagne, "lr", 1.0)]
    [RuleData("adagrad", Convention.Lasagne, "eps", 1e-6)]
    [RuleData("rmsprop", Convention.Lasagne, "lr", 1.0)]
    [RuleData("rmsprop", Convention.Lasagne, "rho", 0.9)]
    [RuleData("rmsprop", Convention.Lasagne, "eps", 1e-6)]
    [RuleData("adadelta", Convention.Lasagne, "lr", 1.0)]
    [RuleData("adadelta", Convention.Lasagne, "rho", 0.95)]
    [RuleData("adadelta", Convention.Lasagne, "eps", 1e-6)]
    [RuleData("adamax", Convention.Lasagne, "lr", 2e-3)]
    // lecture (the lecture's response script)
    [RuleData("momentum", Convention.Lecture, "lr", 0.25)]
    [RuleData("momentum", Convention.Lecture, "momentum", 0.9)]
    [RuleData("nesterov", Convention.Lecture, "lr", 0.25)]
    [RuleData("smoothed-nesterov", Convention.Lecture, "lr", 0.25)]
    [RuleData("smoothed-nesterov", Convention.Lecture, "points", 4.0)]
    [RuleData("adam", Convention.Lecture, "lr", 0.25)]
    [RuleData("adam", Convention.Lecture, "beta1", 0.9)]
    [RuleData("adam", Convention.Lecture, "beta2", 0.999)]
    [RuleData("adam", Convention.Lecture, "eps", 1e-7)]
    [RuleData("adagrad", Convention.Lecture, "lr", 2.5)]
    [RuleData("adagrad", Convention.Lecture, "eps", 1e-7)]
    [RuleData("rmsprop", Convention.Lecture, "lr", 0.25)]
    [RuleData("rmsprop", Convention.Lecture, "rho", 0.9)]
    [RuleData("rmsprop", Convention.Lecture, "eps", 1e-5)]
    [RuleData("adadelta", Convention.Lecture, "rho", 0.9)]
    [RuleData("adadelta", Convention.Lecture, "eps", 1e-3)]
    [RuleData("adadelta", Convention.Lecture, "initial_delta", 0.0)]
    [RuleData("adamax", Convention.Lecture, "lr", 0.25)]
    [RuleData("adamax", Convention.Lecture, "eps", 1e-8)]
    public void OptimizerCatalog_Defaults_AreTheConventionsOwn(string rule, Convention convention, string key, double expected) =>
        Assert.Equal(expected, double.Parse(Value(rule, convention, key), System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void OptimizerCatalog_AdamUnderLecture_HasLectureDefaults()
    {
        var o = (AdamOptions)OptimizerCatalog.Resolve("adam", Convention.Lecture);
        Assert.Equal(Convention.Lecture, o.Convention);
        Assert.Equal(0.25, o.LearningRate);
        Assert.Equal(1e-7, o.Epsilon);
        Assert.Equal(0.9, o.Beta1);
        Assert.Equal(0.999, o.Beta2);
        var p = (AdamOptions)OptimizerCatalog.Resolve("adam(lr=0.1)", Convention.PyTorch);
        Assert.Equal(new AdamOptions { LearningRate = 0.1 }, p);
    }

    [Theory]
    [RuleData("radam", Convention.Lasagne)]
    [RuleData("radam", Convention.Lecture)]
    [RuleData("nadam", Convention.Lasagne)]
    [RuleData("nadam", Convention.Lecture)]
    [RuleData("adamw", Convention.Lasagne)]
    [RuleData("adamw", Convention.Lecture)]
    [RuleData("sgd", Convention.Lecture)]
    public void OptimizerCatalog_RuleTheConventionLacks_FallsBackToPyTorch(string rule, Convention convention)
    {
        var entry = OptimizerCatalog.Find(rule);
        Assert.DoesNotContain(convention, entry.DefinedIn);
        Assert.Equal(Convention.PyTorch, entry.Effective(convention));
        var fallback = OptimizerCatalog.Resolve(rule, convention);
        Assert.Equal(OptimizerCatalog.Resolve(rule, Convention.PyTorch), fallback);
        Assert.Equal(Convention.PyTorch, fallback.Convention);
        Assert.Equal(OptimizerCatalog.Describe(OptimizerCatalog.Resolve(rule, Convention.PyTorch)), OptimizerCatalog.Describe(fallback));
    }

    [Fact]
    public void OptimizerCatalog_SmoothedNesterov_UsesTheLectureUnderEveryConvention()
    {
        foreach (var convention in Conventions)
            Assert.Equal(OptimizerCatalog.Resolve("smoothed-nesterov", Convention.Lecture), OptimizerCatalog.Resolve("smoothed-nesterov", convention));
    }

    public static TheoryData<string, Convention> EveryRuleAndConvention()
    {
        var data = new TheoryData<string, Convention>();
        foreach (var entry in OptimizerCatalog.Entries)
            foreach (var convention in OptimizerCatalog.Conventions.Where(entry.Has))
                data.Add(entry.Name, convention);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRuleAndConvention))]
    public void OptimizerCatalog_Describe_RoundTripsThroughResolve(string rule, Convention convention)
    {
        var options = OptimizerCatalog.Resolve(rule, convention);
        Assert.Equal(rule, options.Name);
        var described = OptimizerCatalog.Describe(options);
        Assert.Equal(rule, described.Name);
        // Every key, except the shared ones that are not in use (no schedule, no clipping, L2 decay).
        // A wrapper's inner rule is written first, without its key.
        Assert.Equal(OptimizerCatalog.Find(rule).KeysIn(convention).Where(k => k.Unset is null).Select(k => k.Positional ? "" : k.Name),
            described.Values.Select(v => v.Key));
        Assert.Equal(options, OptimizerCatalog.Resolve(described.ToString(), convention));
        Assert.Equal(described, OptimizerSpec.Parse(described.ToString()));
    }

    [Theory]
    [MemberData(nameof(EveryRuleAndConvention))]
    public void OptimizerCatalog_Describe_RoundTripsNonDefaultValues(string rule, Convention convention)
    {
        // Every numeric key set away from its default to an awkward double; Describe must print it back exactly.
        var entry = OptimizerCatalog.Find(rule);
        var defaults = OptimizerCatalog.Describe(OptimizerCatalog.Resolve(rule, convention));
        var pairs = new List<string>();
        foreach (var key in entry.KeysIn(convention))
        {
            // dampening must stay 0 for nesterov (PyTorch's rule), so it keeps its default.
            string? value = key.Name == "dampening" ? null : key.Kind switch
            {
                // Rprop's eta_plus must stay above 1, so it moves up.
                "number" => OptimizerSpec.FormatNumber(double.Parse(defaults[key.Name]!, System.Globalization.CultureInfo.InvariantCulture) * (key.Name == "eta_plus" ? 1.3 : 0.7) + 0.1 / 3 * 0.01),
                "integer" => "3",
                _ => null,
            };
            if (value is not null) pairs.Add($"{key.Name}={value}");
        }
        var options = OptimizerCatalog.Resolve($"{rule}({string.Join(", ", pairs)})", convention);
        var described = OptimizerCatalog.Describe(options);
        foreach (string pair in pairs)
        {
            string[] kv = pair.Split('=');
            Assert.Equal(kv[1], described[kv[0]]);
        }
        Assert.Equal(options, OptimizerCatalog.Resolve(described.ToString(), convention));
    }

    [Theory]
    [InlineData("pytorch", Convention.PyTorch)]
    [InlineData(" PyTorch ", Convention.PyTorch)]
    [InlineData("lasagne", Convention.Lasagne)]
    [InlineData("LECTURE", Convention.Lecture)]
    public void OptimizerCatalog_ParseConvention_AcceptsNamesInAnyCase(string text, Convention expected)
    {
        Assert.Equal(expected, OptimizerCatalog.ParseConvention(text));
        Assert.Equal(text.Trim().ToLowerInvariant(), OptimizerCatalog.Name(expected));
    }

    [Fact]
    public void OptimizerCatalog_UnknownConvention_ListsValidOnes()
    {
        var e = Assert.Throws<SpecException>(() => OptimizerCatalog.ParseConvention("optax"));
        Assert.Contains("'optax'", e.Message);
        Assert.Contains("lecture, lasagne, pytorch, keras", e.Message);
    }

    [Theory]
    [InlineData("adam", "already registered")]
    [InlineData("Adam", "is not a rule name")]
    [InlineData("my rule", "is not a rule name")]
    [InlineData("", "is not a rule name")]
    public void OptimizerCatalog_RegisterBadOrTakenName_IsRefused(string name, string problem)
    {
        int before = OptimizerCatalog.Entries.Count;
        var entry = new OptimizerEntry(name, "a user's rule", c => OptimizerCatalog.Find("sgd").Defaults(c), [Convention.PyTorch], []);
        var e = Assert.Throws<ArgumentException>(() => OptimizerCatalog.Register(entry));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, OptimizerCatalog.Entries.Count);
    }

    [Theory]
    [InlineData("sgd(lr=0.1)", "is for 'sgd'; it must name the rule it comes with")]
    [InlineData("my-rule(lr=", "does not parse")]
    public void OptimizerCatalog_RegisterShowcaseNotForTheRule_IsRefused(string spec, string problem)
    {
        int before = OptimizerCatalog.Entries.Count;
        var entry = new OptimizerEntry("my-rule", "a user's rule", c => OptimizerCatalog.Find("sgd").Defaults(c), [Convention.PyTorch], [])
        {
            Showcase = new Dictionary<string, string> { ["rosenbrock"] = spec },
        };
        var e = Assert.Throws<ArgumentException>(() => OptimizerCatalog.Register(entry));
        Assert.Contains("my-rule: the showcase spec for 'rosenbrock' ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, OptimizerCatalog.Entries.Count);
    }

    [Fact]
    public void OptimizerCatalog_BuiltInShowcase_IsTheTunedLearningRatePerClassicFunction()
    {
        var adam = OptimizerCatalog.Find("adam");
        Assert.Equal(10, adam.Showcase.Count);
        Assert.Equal("adam(lr=0.2)", adam.ShowcaseSpec("rosenbrock"));
        Assert.Equal("radam(lr=1E-05)", OptimizerCatalog.Find("radam").ShowcaseSpec("goldstein-price"));
        // A landscape a rule brings nothing for shows the rule at its defaults.
        Assert.Equal("adam", adam.ShowcaseSpec("quadratic"));
        Assert.All(OptimizerCatalog.Entries, e => Assert.All(e.Showcase.Values, s => Assert.Equal(e.Name, OptimizerSpec.Parse(s).Name)));
    }
}
