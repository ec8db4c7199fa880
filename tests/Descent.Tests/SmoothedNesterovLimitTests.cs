using Descent.Optimizers;
using Descent.Specs;

namespace Descent.Tests;

/// <summary>The look-ahead points of smoothed Nesterov are bounded, and the largest allowed count steps in bounded time.</summary>
public sealed class SmoothedNesterovLimitTests
{
    [Theory]
    [InlineData(2147483647)]
    [InlineData(1001)]
    public void Spec_PointsAboveTheLimit_RefusedNamingIt(int points)
    {
        var e = Assert.Throws<SpecException>(() => OptimizerCatalog.Resolve($"smoothed-nesterov(points={points})", Convention.Lecture));

        Assert.Equal($"smoothed-nesterov(points={points}): points: {points} is above the limit 1000 (each point costs one gradient per step).", e.Message);
    }

    [Fact]
    public void Create_PointsIntMax_RefusedBeforeAnyStep()
    {
        var options = new SmoothedNesterovOptions { Convention = Convention.Lecture, Points = int.MaxValue };

        Assert.Throws<ArgumentException>(() => options.Create<double>(2));
    }

    [Fact]
    public void Step_MaxPoints_AsksTheOracleExactlyThatManyTimes()
    {
        var optimizer = new SmoothedNesterovOptions { Convention = Convention.Lecture, Points = SmoothedNesterovOptions.MaxPoints }.Create<double>(1);
        int calls = 0;

        optimizer.Step(new double[] { 1 }, (q, g) => { g[0] = 2 * q[0]; calls++; });

        Assert.Equal(1_000, calls);
    }
}
