using Descent.Lab.Training;
using Descent.Specs;

namespace Descent.Lab.Tests.Rules;

/// <summary>A typed rule trains a network like a built-in: in the built-in's order it reaches the built-in's accuracy to the bit.</summary>
public class TypedRuleTrainingTests
{
    private const string TypedAdam =
        "rule(m = fma(g, 1-b1, m*b1); v = fma((1-b2)*g, g, v*b2); p = p - lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps) | lr=0.01, b1=0.9, b2=0.999, eps=1e-8)";

    [Fact]
    public void Train_TypedAdamInPyTorchsOrder_ReachesTheBuiltInsAccuracyBitForBit()
    {
        var result = TrainingExperiment.Run(new TrainingConfig
        {
            Dataset = "digits",
            Model = "mlp",
            Hidden = [32],
            Optimizers = ["adam(lr=0.01)", TypedAdam],
            Epochs = 3,
            BatchSize = 64,
            Seed = 7,
        });

        var (builtIn, typed) = (result.Histories[0], result.Histories[1]);
        Assert.True(builtIn.FinalTestAccuracy > 0.9, $"the built-in learned: {builtIn.FinalTestAccuracy}");
        Assert.Equal(builtIn.FinalTestAccuracy, typed.FinalTestAccuracy);
        Assert.Equal(builtIn.Iterations.Select(i => i.TrainLoss), typed.Iterations.Select(i => i.TrainLoss));
    }

    [Fact]
    public void Describe_TypedRule_PrintsASpecThatResolvesToTheSameRule()
    {
        var options = OptimizerCatalog.Resolve("rule(a = a + g*g; p = p - lr*g/sqrt(a) | lr=0.1, a=0.5, clip_norm=2)", Convention.PyTorch);
        var printed = OptimizerCatalog.Describe(options).ToString();

        Assert.StartsWith("rule(a = a + g*g; p = p - lr*g/sqrt(a) | lr=0.1, a=0.5", printed);
        Assert.Contains("clip_norm=2", printed);
        var again = OptimizerCatalog.Resolve(printed, Convention.PyTorch);
        Assert.Equal(printed, OptimizerCatalog.Describe(again).ToString());
    }
}
