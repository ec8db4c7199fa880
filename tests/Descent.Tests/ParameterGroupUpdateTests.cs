using Descent.Optimizers;
using Descent.Specs;

namespace Descent.Tests;

/// <summary>
/// Two parameter groups with different options step exactly like two separate optimizers on their slices, and the
/// parameters outside every group never move.
/// </summary>
public class ParameterGroupUpdateTests
{
    private static ParameterGroup<TO>[] Two<TO>(OptimizerOptions a, OptimizerOptions b) where TO : OptimizerOptions =>
        [new(0, 3, (TO)a), new(4, 3, (TO)b)];

    /// <summary>The grouped constructor of the rule <paramref name="a"/> belongs to, over 8 parameters: [0,3) and [4,7) grouped, 3 and 7 outside.</summary>
    private static Optimizer<double> Grouped(OptimizerOptions a, OptimizerOptions b) => a switch
    {
        SgdOptions => new Sgd<double>(8, Two<SgdOptions>(a, b)),
        SmoothedNesterovOptions => new SmoothedNesterov<double>(8, Two<MomentumOptions>(a, b)),
        NesterovOptions when a.Convention == Convention.Lecture => new SmoothedNesterov<double>(8, Two<MomentumOptions>(a, b)),
        MomentumOptions => new Momentum<double>(8, Two<MomentumOptions>(a, b)),
        AdagradOptions => new Adagrad<double>(8, Two<AdagradOptions>(a, b)),
        RmsPropOptions => new RmsProp<double>(8, Two<RmsPropOptions>(a, b)),
        AdadeltaOptions => new Adadelta<double>(8, Two<AdadeltaOptions>(a, b)),
        AdamOptions => new Adam<double>(8, Two<AdamOptions>(a, b)),
        AdamaxOptions => new Adamax<double>(8, Two<AdamaxOptions>(a, b)),
        NAdamOptions => new NAdam<double>(8, Two<NAdamOptions>(a, b)),
        RAdamOptions => new RAdam<double>(8, Two<RAdamOptions>(a, b)),
        LionOptions => new Lion<double>(8, Two<LionOptions>(a, b)),
        RpropOptions => new Rprop<double>(8, Two<RpropOptions>(a, b)),
        AsgdOptions => new Asgd<double>(8, Two<AsgdOptions>(a, b)),
        AdaBeliefOptions => new AdaBelief<double>(8, Two<AdaBeliefOptions>(a, b)),
        LambOptions => new Lamb<double>(8, Two<LambOptions>(a, b)),
        ScheduleFreeAdamWOptions => new ScheduleFreeAdamW<double>(8, Two<ScheduleFreeAdamWOptions>(a, b)),
        MuonOptions => new Muon<double>(8, Two<MuonOptions>(a, b)),
        _ => throw new ArgumentException($"No grouped constructor for {a.Name}."),
    };

    /// <summary>A second option set per rule that differs from the first in more than the learning rate where the convention allows.</summary>
    private static string Other(string name, Convention convention) => (name, convention) switch
    {
        ("sgd", Convention.PyTorch) or ("sgd", Convention.Lecture) => "sgd(lr=0.03, momentum=0.9, nesterov=true)",
        ("adagrad", Convention.Lecture) => "adagrad(lr=0.2, power=1, accumulate=abs)",
        ("adagrad", Convention.PyTorch) => "adagrad(lr=0.2, lr_decay=0.1, initial_accumulator=0.5)",
        ("rmsprop", Convention.PyTorch) => "rmsprop(lr=0.02, momentum=0.5, centered=true)",
        ("adadelta", _) => "adadelta(lr=0.3, initial_delta=2)",
        ("adam", Convention.PyTorch) or ("adam", Convention.Lasagne) => "adam(lr=0.02, amsgrad=true)",
        ("smoothed-nesterov", _) => "smoothed-nesterov(lr=0.02, points=2)",
        ("lamb", _) => "lamb(lr=0.02, eps=0.001, trust_clip=true, max_grad_norm=0)",
        ("schedule-free-adamw", _) => "schedule-free-adamw(lr=0.02, warmup_steps=3, weight_decay=0.1)",
        ("adabelief", _) => "adabelief(lr=0.02, rectify=false, weight_decay=0.1)",
        _ => HasEps(name) ? $"{name}(lr=0.02, eps=0.001)" : $"{name}(lr=0.02)",
    };

    private static bool HasEps(string name) => OptimizerCatalog.Find(name).Keys.Any(k => k.Name == "eps");

    /// <summary>Elementwise in p alone, so a slice sees the same gradients as the whole buffer.</summary>
    private static void Gradient(ReadOnlySpan<double> p, Span<double> g)
    {
        for (int i = 0; i < p.Length; i++) g[i] = p[i] * (1 + p[i] * p[i]) / 2 + 0.1;
    }

    /// <summary>Every rule but a wrapper (lookahead), whose groups are those of the rule it wraps, and lbfgs (one group, as torch's).</summary>
    public static TheoryData<string, Convention> Matrix()
    {
        var data = new TheoryData<string, Convention>();
        foreach (var row in QuadraticConvergenceTests.Matrix())
            if (!OptimizerCatalog.Find((string)row[0]).Wrapper && (string)row[0] != "lbfgs") data.Add((string)row[0], (Convention)row[1]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Groups_DifferentOptions_EqualSeparateOptimizersOnTheSlices(string name, Convention convention)
    {
        // LAMB's pre-scaling divides by the gradient norm over every group (timm's global norm), so its groups equal
        // separate optimizers only without it.
        var a = OptimizerCatalog.Resolve(name == "lamb" ? "lamb(lr=0.05, max_grad_norm=0)" : QuadraticConvergenceTests.Specs[name], convention);
        var b = OptimizerCatalog.Resolve(Other(name, convention), convention);
        Assert.NotEqual(a, b);
        var grouped = Grouped(a, b);
        var optA = a.Create<double>(3);
        var optB = b.Create<double>(3);

        double[] start = [1.0, -0.5, 0.25, 7.0, -1.5, 2.0, 0.75, -7.0];
        double[] p = [.. start];
        double[] pa = start[0..3], pb = start[4..7];
        for (int t = 0; t < 5; t++)
        {
            grouped.Step(p, Gradient);
            optA.Step(pa, Gradient);
            optB.Step(pb, Gradient);
        }
        Assert.Equal(pa, p[0..3]);
        Assert.Equal(pb, p[4..7]);
        Assert.Equal(start[3], p[3]);
        Assert.Equal(start[7], p[7]);
    }
}
