using System.Globalization;
using CsCheck;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Tests.Schedules;

/// <summary>
/// Any exponential schedule on a trajectory: the recorded rate of step k is lr·γ^(k−1) (ExponentialLR), and the
/// CSV's lr column gives back exactly the recorded rates, one per step, empty at step 0.
/// </summary>
public sealed class ScheduledCsvPropertyTests
{
    [Fact]
    public void TrajectoryCsv_AnyExponentialSchedule_LrColumnIsTheRecordedRateOfEachStep()
    {
        var cases = Gen.Select(Gen.Double[0.001, 0.5], Gen.Double[0.5, 1.0], Gen.Int[1, 40], Gen.Bool);
        cases.Sample((lr, gamma, steps, adam) =>
        {
            string rule = adam ? "adam" : "sgd";
            string spec = string.Create(CultureInfo.InvariantCulture, $"{rule}(lr={lr:R}, schedule=exponential(gamma={gamma:R}))");
            var result = TrajectoryExperiment.Run(new TrajectoryConfig { Function = "x^2 + y^2", Optimizers = [spec], Start = new(1, 1), Steps = steps });
            var path = Assert.Single(result.Paths);
            var rates = path.LearningRates!;
            Assert.Equal(path.Count - 1, rates.Count);
            for (int k = 0; k < rates.Count; k++)
            {
                double expected = lr * Math.Pow(gamma, k);
                Assert.True(Math.Abs(rates[k] - expected) <= 1e-12 * expected, $"{spec} step {k + 1}: {rates[k]:R} against {expected:R}");
            }
            var rows = TrajectoryCsv.ToText(result).TrimEnd('\n').Split('\n')[1..];
            Assert.Equal(path.Count, rows.Length);
            var column = rows.Select(r => r[(r.LastIndexOf(',') + 1)..]).ToList();
            Assert.Equal("", column[0]);
            Assert.Equal(rates, column.Skip(1).Select(c => double.Parse(c, CultureInfo.InvariantCulture)));
        }, iter: 40);
    }
}
