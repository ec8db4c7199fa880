using Descent.Optimizers;
using static Descent.Tests.HandWorked;

namespace Descent.Tests;

/// <summary>
/// The lecture's look-ahead rules ask the gradient oracle at <c>p − (k/K)·γ·v</c>, k = 1..K, and average what it says.
/// Worked on p0 = (1, −2), lr 0.5, γ 0.9, and the oracle ∇f(x) = x + 1:
/// step 1 (v = 0): every point is p0 ; ∇ = (2, −1) ; v1 = 0.5·(2, −1) = (1, −0.5) ; p1 = (0, −1.5).
/// step 2: γ·v1 = (0.9, −0.45), so point k is (−0.9·k/K, −1.5 + 0.45·k/K).
/// </summary>
public class OracleTests
{
    private static readonly double[] Start = [1.0, -2.0];

    private static List<double[]> RecordPoints(OptimizerOptions options, int steps, out double[] p)
    {
        var points = new List<double[]>();
        var opt = options.Create<double>(2);
        Assert.True(opt.NeedsOracle);
        p = [.. Start];
        for (int t = 0; t < steps; t++)
            opt.Step(p, (x, g) =>
            {
                points.Add(x.ToArray());
                for (int i = 0; i < x.Length; i++) g[i] = x[i] + 1;
            });
        return points;
    }

    public static TheoryData<int, double[][]> SecondStepPoints => new()
    {
        { 1, [[-0.9, -1.05]] },
        { 2, [[-0.45, -1.275], [-0.9, -1.05]] },
        { 3, [[-0.3, -1.35], [-0.6, -1.2], [-0.9, -1.05]] },
        { 4, [[-0.225, -1.3875], [-0.45, -1.275], [-0.675, -1.1625], [-0.9, -1.05]] },
    };

    [Theory]
    [MemberData(nameof(SecondStepPoints))]
    public void SmoothedNesterov_Points_AskTheOracleAlongTheVelocity(int points, double[][] expected)
    {
        var options = new SmoothedNesterovOptions { Convention = Convention.Lecture, LearningRate = 0.5, Momentum = 0.9, Points = points };
        var asked = RecordPoints(options, 2, out _);
        Assert.Equal(2 * points, asked.Count);
        for (int k = 0; k < points; k++) Assert.Equal(Start, asked[k]);
        for (int k = 0; k < points; k++)
            for (int i = 0; i < 2; i++)
                AssertClose(expected[k][i], asked[points + k][i], $"point {k + 1}, coordinate {i}");
    }

    [Theory]
    // v2 = 0.9·v1 + 0.5·(mean of the points + 1) ; p2 = p1 − v2. The mean of k/K over k = 1..K is (K+1)/(2K).
    // K = 1: mean point (−0.9, −1.05) → v2 = (0.9 + 0.05, −0.45 − 0.025) = (0.95, −0.475) ; p2 = (−0.95, −1.025)
    [InlineData(1, -0.95, -1.025)]
    // K = 2: mean point (−0.675, −1.1625) → v2 = (0.9 + 0.1625, −0.45 − 0.08125) = (1.0625, −0.53125) ; p2 = (−1.0625, −0.96875)
    [InlineData(2, -1.0625, -0.96875)]
    // K = 4: mean point (−0.5625, −1.21875) → v2 = (0.9 + 0.21875, −0.45 − 0.109375) = (1.11875, −0.559375) ; p2 = (−1.11875, −0.940625)
    [InlineData(4, -1.11875, -0.940625)]
    public void SmoothedNesterov_TwoSteps_AveragesTheLookAheadGradients(int points, double x2, double y2)
    {
        var options = new SmoothedNesterovOptions { Convention = Convention.Lecture, LearningRate = 0.5, Momentum = 0.9, Points = points };
        RecordPoints(options, 2, out var p);
        AssertClose(x2, p[0], "x2");
        AssertClose(y2, p[1], "y2");
    }

    [Theory]
    [InlineData(Convention.Lecture)]
    [InlineData(Convention.Lasagne)]
    [InlineData(Convention.PyTorch)]
    public void SmoothedNesterov_EveryConvention_UsesTheLectureFormula(Convention convention)
    {
        // Only the lecture defines it, so every convention runs the K = 2 case worked above: p2 = (−1.0625, −0.96875).
        RecordPoints(Spec("smoothed-nesterov(lr=0.5, momentum=0.9, points=2)", convention), 2, out var p);
        AssertClose(-1.0625, p[0], "x2");
        AssertClose(-0.96875, p[1], "y2");
    }

    [Fact]
    public void Nesterov_Lecture_LooksAheadToPMinusGammaV()
    {
        var asked = RecordPoints(Spec("nesterov(lr=0.5, momentum=0.9)", Convention.Lecture), 2, out var p);
        Assert.Equal(2, asked.Count);
        Assert.Equal(Start, asked[0]);
        AssertClose(-0.9, asked[1][0], "look-ahead x");
        AssertClose(-1.05, asked[1][1], "look-ahead y");
        AssertClose(-0.95, p[0], "x2");
        AssertClose(-1.025, p[1], "y2");
    }

    [Fact]
    public void SmoothedNesterov_LectureDefaults_UseFourPoints()
    {
        var asked = RecordPoints(Spec("smoothed-nesterov", Convention.Lecture), 1, out _);
        Assert.Equal(4, asked.Count);
    }

    [Theory]
    [InlineData("nesterov", Convention.Lasagne)]
    [InlineData("nesterov", Convention.PyTorch)]
    [InlineData("adam", Convention.Lecture)]
    public void CurrentPointRules_AskTheOracleOnceAtP(string spec, Convention convention)
    {
        var opt = Spec(spec, convention).Create<double>(2);
        Assert.False(opt.NeedsOracle);
        double[] p = [.. Start];
        var asked = new List<double[]>();
        for (int t = 0; t < 2; t++)
        {
            double[] before = [.. p];
            opt.Step(p, (x, g) => { asked.Add(x.ToArray()); x.CopyTo(g); });
            Assert.Equal(before, asked[^1]);
        }
        Assert.Equal(2, asked.Count);
    }
}
