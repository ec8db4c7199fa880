using Descent.Lab.Response;
using Descent.Lab.Training;
using Descent.Lab.Trajectory;
using Descent.Specs;

namespace Descent.Lab.Tests.Registry;

/// <summary>A rule registered from outside the library runs in the trajectory, response and training experiments like a built-in.</summary>
public sealed class UserRuleTests
{
    [Fact]
    public void Registry_UserRule_ResolvesWithTheSharedKeys()
    {
        Assert.Contains("sign-sgd", OptimizerCatalog.Names);
        var options = Assert.IsType<SignSgdOptions>(OptimizerCatalog.Resolve("sign-sgd(lr=0.1, clip_value=1, schedule=step(step_size=2))", Convention.Lecture));
        Assert.Equal(0.1, options.LearningRate);
        Assert.Equal("sign-sgd(lr=0.1, weight_decay=0, schedule=step(step_size=2, gamma=0.1), clip_value=1)", OptimizerCatalog.Describe(options).ToString());
    }

    [Fact]
    public void Trajectory_UserRuleOnQuadratic_HandWorkedSignSteps()
    {
        // f = x² + y² from (1, 2): sign(∇f) = (1, 1), so each step moves both coordinates by lr = 0.1.
        var config = new TrajectoryConfig { Function = "quadratic", Optimizers = ["sign-sgd(lr=0.1)"], Start = new(1, 2), Steps = 3 };
        var path = Assert.Single(TrajectoryExperiment.Run(config).Paths);
        Assert.Equal([1.0, 0.9, 0.8, 0.7000000000000001], path.X);
        Assert.Equal([2.0, 1.9, 1.7999999999999998, 1.6999999999999997], path.Y);
    }

    [Fact]
    public void Response_UserRule_UpdateIsLrTimesTheSignOfTheSignal()
    {
        var result = ResponseExperiment.Run(new ResponseConfig { Signal = "rectangles", Optimizers = ["sign-sgd(lr=0.25)"], Steps = 50 });
        var curve = Assert.Single(result.Curves);
        for (int i = 0; i < 50; i++)
            Assert.Equal(0.25 * Math.Sign(curve.Gradients[i]), curve.Updates[i]);
    }

    [Fact]
    public void Training_UserRuleOnDigits_LearnsLikeABuiltIn()
    {
        var config = new TrainingConfig { Dataset = "digits", Model = "logreg", Optimizers = ["sign-sgd(lr=0.01)", "sgd(lr=0.1)"], Epochs = 5, Seed = 1 };
        var result = TrainingExperiment.Run(config);
        double user = result.Histories[0].FinalTestAccuracy, builtIn = result.Histories[1].FinalTestAccuracy;
        Assert.True(user > 0.85, $"sign-sgd reached {user:P1}");
        Assert.True(Math.Abs(user - builtIn) < 0.1, $"sign-sgd {user:P1}, sgd {builtIn:P1}");
    }
}
