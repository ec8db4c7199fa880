using Descent.Schedules;

namespace Descent.Tests.Schedules;

/// <summary>
/// Every schedule and every key against torch.optim.lr_scheduler 1.13 over 300 steps: the learning
/// rate (and the cycled momentum or beta1) of each optimizer step within 1e-12 relative.
/// </summary>
public sealed class ScheduleParityTests
{
    /// <summary>The typed form of each reference case's schedule spec.</summary>
    private static readonly Dictionary<string, ScheduleOptions> Typed = new()
    {
        ["step-default-gamma"] = new StepSchedule { StepSize = 7 },
        ["step"] = new StepSchedule { StepSize = 30, Gamma = 0.5 },
        ["multistep"] = new MultiStepSchedule { Milestones = [30, 80] },
        ["multistep-repeated"] = new MultiStepSchedule { Milestones = [50, 50, 120], Gamma = 0.5 },
        ["exponential"] = new ExponentialSchedule { Gamma = 0.99 },
        ["cosine"] = new CosineSchedule { TMax = 125, EtaMin = 0.01 },
        ["cosine-default-min"] = new CosineSchedule { TMax = 50 },
        ["cosine-restarts"] = new CosineRestartsSchedule { T0 = 50 },
        ["cosine-restarts-mult"] = new CosineRestartsSchedule { T0 = 20, TMult = 2, EtaMin = 0.001 },
        ["linear-default"] = new LinearSchedule(),
        ["linear"] = new LinearSchedule { StartFactor = 0.1, EndFactor = 0.5, TotalIters = 100 },
        ["polynomial-default"] = new PolynomialSchedule(),
        ["polynomial"] = new PolynomialSchedule { TotalIters = 200, Power = 2 },
        ["onecycle-sgd"] = new OneCycleSchedule { MaxLearningRate = 0.5, TotalSteps = 300 },
        ["onecycle-three-phase"] = new OneCycleSchedule
        {
            MaxLearningRate = 0.4, TotalSteps = 320, PctStart = 0.25, LinearAnneal = true, DivFactor = 10, FinalDivFactor = 100,
            ThreePhase = true, BaseMomentum = 0.8, MaxMomentum = 0.9,
        },
        ["onecycle-adam"] = new OneCycleSchedule { MaxLearningRate = 0.01, TotalSteps = 300 },
        ["onecycle-no-momentum"] = new OneCycleSchedule { MaxLearningRate = 0.2, TotalSteps = 310, CycleMomentum = false },
        ["cyclic"] = new CyclicSchedule { BaseLearningRate = 0.01, MaxLearningRate = 0.1, StepSizeUp = 40 },
        ["cyclic-triangular2"] = new CyclicSchedule
        {
            BaseLearningRate = 0.001, MaxLearningRate = 0.05, StepSizeUp = 30, StepSizeDown = 50, Mode = "triangular2",
            BaseMomentum = 0.7, MaxMomentum = 0.95,
        },
        ["cyclic-exp-range"] = new CyclicSchedule
        {
            BaseLearningRate = 0.002, MaxLearningRate = 0.02, StepSizeUp = 25, Mode = "exp_range", Gamma = 0.995, CycleMomentum = false,
        },
        ["sequential-warmup-cosine"] = new SequentialSchedule
        {
            Schedules = [new LinearSchedule { StartFactor = 0.1, TotalIters = 10 }, new CosineSchedule { TMax = 290 }],
            Milestones = [10],
        },
        ["sequential-three"] = new SequentialSchedule
        {
            Schedules = [new LinearSchedule { StartFactor = 0.25, TotalIters = 20 }, new ExponentialSchedule { Gamma = 0.98 }, new StepSchedule { StepSize = 30, Gamma = 0.5 }],
            Milestones = [20, 100],
        },
        ["plateau"] = new PlateauSchedule { Factor = 0.5, Patience = 5, Cooldown = 3, MinLearningRate = 0.002 },
        ["plateau-default"] = new PlateauSchedule(),
        ["plateau-abs"] = new PlateauSchedule { Factor = 0.2, Patience = 3, Threshold = 0.01, AbsoluteThreshold = true },
        ["plateau-max"] = new PlateauSchedule { Maximize = true, Factor = 0.7, Patience = 8, Threshold = 0.001, Eps = 0.001 },
    };

    public static TheoryData<string> Ids() => [.. ScheduleReference.Cases.Select(c => c.Id)];

    [Fact]
    public void Reference_EveryCase_HasATypedSchedule()
    {
        Assert.Equal(ScheduleReference.Cases.Select(c => c.Id).Order(), Typed.Keys.Order());
        Assert.All(ScheduleReference.Cases, c => Assert.True(c.Steps >= 300));
    }

    [Fact]
    public void Reference_EverySchedule_IsCovered()
    {
        string[] names = ["step", "multistep", "exponential", "cosine", "cosine-restarts", "linear", "polynomial", "onecycle", "cyclic", "sequential", "plateau"];
        Assert.Equal(names.Order(), Typed.Values.Select(s => s.Name).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Schedule_AgainstTorch_MatchesEveryStep(string id)
    {
        var reference = ScheduleReference.Get(id);
        var group = new ScheduleGroup(reference.LearningRate, 0.9, momentumIsBeta1: !reference.IsSgd);
        var schedule = Typed[id].Start(group);
        for (int t = 0; t < reference.Steps; t++)
        {
            AssertClose(reference.Lrs[t], group.LearningRate, $"lr of step {t + 1}");
            AssertClose(reference.Momentum[t], group.Momentum!.Value, $"momentum of step {t + 1}");
            schedule.Step(reference.Losses?[t] ?? double.NaN);
        }
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        double tolerance = 1e-12 * Math.Abs(expected);
        if (!(Math.Abs(actual - expected) <= tolerance))
            Assert.Fail($"{what}: expected {expected:R}, got {actual:R}");
    }
}
