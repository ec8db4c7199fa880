using Descent.Functions;
using Descent.Lab.Trajectory;
using Descent.Specs;

namespace Descent.Lab.Tests.Trajectory;

public class TrajectoryExperimentTests
{
    private sealed class Recorder : IProgress<LabProgress>
    {
        public List<LabProgress> Reports { get; } = [];
        public void Report(LabProgress value) => Reports.Add(value);
    }

    private static TrajectoryConfig Config(string function, Convention convention, params string[] optimizers) =>
        new() { Function = function, Optimizers = optimizers, Convention = convention };

    [Fact]
    public void Sgd_Quadratic_HandWorkedPointsLossesAndGradients()
    {
        // f = x² + y², ∇f = 2p; sgd lr 0.1: p ← p − 0.2·p = 0.8·p. From (1, 2): (0.8, 1.6), (0.64, 1.28).
        var config = Config("quadratic", Convention.PyTorch, "sgd(lr=0.1)") with { Start = new(1, 2), Steps = 2 };

        var path = Assert.Single(TrajectoryExperiment.Run(config).Paths);

        Close([1.0, 0.8, 0.8 * 0.8], path.X, 1e-15);
        Close([2.0, 1.6, 1.6 * 0.8], path.Y, 1e-15);
        Close([5.0, 0.64 + 2.56, 0.4096 + 1.6384], path.Loss, 1e-14);
        Close([2.0, 1.6, 1.28], path.GradientX, 1e-15);
        Close([4.0, 3.2, 2.56], path.GradientY, 1e-15);
        Assert.Empty(path.State);
        Assert.Null(path.DivergedAtStep);
        Assert.Equal(3, path.DrawableCount);
    }

    [Fact]
    public void LasagneMomentum_Quadratic_VelocityAfterStepOneIsMinusLrTimesGradient()
    {
        // Lasagne momentum: v = μ·v − lr·g; p += v. From (1, 2), g = (2, 4), lr 0.1, μ 0.9:
        // step 1: v = (−0.2, −0.4), p = (0.8, 1.6); step 2: g = (1.6, 3.2), v = 0.9·v − 0.1·g = (−0.34, −0.68), p = (0.46, 0.92).
        var config = Config("quadratic", Convention.Lasagne, "momentum(lr=0.1, momentum=0.9)") with { Start = new(1, 2), Steps = 2 };

        var path = Assert.Single(TrajectoryExperiment.Run(config).Paths);

        var velocity = Assert.Single(path.State);
        Assert.Equal("velocity", velocity.Name);
        Close([0.0, -0.2, -0.34], velocity.X, 1e-15);
        Close([0.0, -0.4, -0.68], velocity.Y, 1e-15);
        Close([1.0, 0.8, 0.46], path.X, 1e-15);
        Close([2.0, 1.6, 0.92], path.Y, 1e-15);
        Assert.Same(velocity, path.StateNamed("velocity"));
        Assert.Null(path.StateNamed("exp_avg"));
    }

    [Fact]
    public void PyTorchAdam_Quadratic_RecordsBothMomentsAfterEachStep()
    {
        // Step 1 from (1, 2), g = (2, 4): exp_avg = 0.1·g = (0.2, 0.4); exp_avg_sq = 0.001·g² = (0.004, 0.016).
        var config = Config("quadratic", Convention.PyTorch, "adam(lr=0.25)") with { Start = new(1, 2), Steps = 1 };

        var path = Assert.Single(TrajectoryExperiment.Run(config).Paths);

        Assert.Equal(["exp_avg", "exp_avg_sq"], path.State.Select(s => s.Name));
        Close([0.0, 0.2], path.StateNamed("exp_avg")!.X, 1e-15);
        Close([0.0, 0.4], path.StateNamed("exp_avg")!.Y, 1e-15);
        Close([0.0, 0.004], path.StateNamed("exp_avg_sq")!.X, 1e-15);
        Close([0.0, 0.016], path.StateNamed("exp_avg_sq")!.Y, 1e-15);
        // m̂ = g, v̂ = g², so the first step is lr·g/(|g| + eps) ≈ lr in each coordinate.
        Assert.Equal(1 - 0.25 * 2 / (2 + 1e-8), path.X[1], 1e-15);
        Assert.Equal(2 - 0.25 * 4 / (4 + 1e-8), path.Y[1], 1e-15);
    }

    [Fact]
    public void LectureNesterov_Quadratic_AsksTheFunctionsGradientAtTheLookAheadPoint()
    {
        // Lecture Nesterov: v = γ·v + lr·∇f(p − γ·v); p −= v. On x² from x = 1, lr 0.1, γ 0.5:
        // step 1: v = 0.1·2 = 0.2, p = 0.8; step 2: look-ahead 0.8 − 0.1 = 0.7, ∇ = 1.4, v = 0.1 + 0.14 = 0.24, p = 0.56.
        var config = Config("quadratic", Convention.Lecture, "nesterov(lr=0.1, momentum=0.5)") with { Start = new(1, 0), Steps = 2 };

        var path = Assert.Single(TrajectoryExperiment.Run(config).Paths);

        Close([1.0, 0.8, 0.56], path.X, 1e-15);
        Close([0.0, 0.2, 0.24], path.StateNamed("velocity")!.X, 1e-15);
        // The recorded gradient is the function's at each point, not the look-ahead one.
        Close([2.0, 1.6, 1.12], path.GradientX, 1e-15);
    }

    [Fact]
    public void Sgd_HugeLearningRate_StopsAtTheStepThatPassesTheBoundAndMarksIt()
    {
        // sgd lr 10 on x² + y²: p ← (1 − 20)·p = −19·p. |19⁴| = 130321 stays in; |19⁵| = 2476099 > 1e6 at step 5.
        var config = Config("quadratic", Convention.PyTorch, "sgd(lr=10)", "sgd(lr=0.1)") with { Start = new(1, 1), Steps = 20 };

        var result = TrajectoryExperiment.Run(config);

        var diverged = result.Paths[0];
        Assert.Equal(5, diverged.DivergedAtStep);
        Assert.True(diverged.Diverged);
        Assert.Equal(6, diverged.Count);
        Assert.Equal(5, diverged.DrawableCount);
        Assert.Equal(-2476099.0, diverged.X[5]);
        Assert.Equal(130321.0, diverged.X[4]);
        Assert.Equal(4, diverged.Summary.FinalStep);
        Assert.Equal(130321.0, diverged.Summary.FinalX);
        Assert.Equal(5, diverged.Summary.DivergedAtStep);
        Assert.True(diverged.Summary.Diverged);
        Assert.Contains("diverged at step 5", diverged.Summary.ToString());
        // The other path goes on.
        Assert.Null(result.Paths[1].DivergedAtStep);
        Assert.Equal(21, result.Paths[1].Count);
    }

    [Fact]
    public void Run_NaNGradientAtAFinitePoint_MarksTheNextStepDiverged()
    {
        // √(x² + y²) at the origin: the value is 0, the exact gradient 0/0 = NaN (as PyTorch's), so step 1 lands on NaN.
        var config = Config("sqrt(x^2 + y^2)", Convention.PyTorch, "adam(lr=0.1)") with { Start = new(0, 0) };

        var path = Assert.Single(TrajectoryExperiment.Run(config).Paths);

        Assert.Equal(0.0, path.Loss[0]);
        Assert.True(double.IsNaN(path.GradientX[0]));
        Assert.Equal(1, path.DivergedAtStep);
        Assert.Equal(2, path.Count);
        Assert.True(double.IsNaN(path.X[1]));
        Assert.Equal(0, path.Summary.FinalStep);
    }

    [Fact]
    public void Run_FormulaUndefinedAtTheStart_MarksStepZeroDivergedWithoutThrowing()
    {
        // √x at x = −1 is NaN, and so is its gradient: the path never starts.
        var config = Config("sqrt(x)", Convention.PyTorch, "sgd(lr=0.1)") with { Start = new(-1, 0) };

        var path = Assert.Single(TrajectoryExperiment.Run(config).Paths);

        Assert.Equal(0, path.DivergedAtStep);
        Assert.Equal(1, path.Count);
        Assert.Equal(0, path.DrawableCount);
        Assert.Equal(-1.0, path.X[0]);
        Assert.True(double.IsNaN(path.Loss[0]));
    }

    [Theory]
    [InlineData("quadratic", "x^2+y^2")]
    [InlineData("wobbly", "(x^2+y^2)/3+abs(x)*sqrt(abs(x)+0.1)+3*sin(x+y)+3+8*exp(-2*((x+1)^2+(y+2)^2))")]
    [InlineData("basins-and-walls", "(x^2+y^2)/2+sin(4*x)^2")]
    [InlineData("ripple", "(x^2+y^2)/3+(sin(20*x)^2+sin(20*y)^2)/15")]
    [InlineData("giant-plateau", "4*(1-exp(-(x^2+y^2)))")]
    [InlineData("hills-and-canyon", "(x^2+y^2)/3+3*exp(-((x+1)^2+(y+2)^2))+exp(-1.5*(2*(x+2)^2+(y-0.5)^2))+3*exp(-1.5*((x-1)^2+2*(y+1.5)^2))+1.5*exp(-((x+1.5)^2+3*(y+0.5)^2))+4*(1-exp(-(x+y)^2))")]
    [InlineData("two-minimums", "4-0.5*exp(-((x+2.5)^2+(y+2.5)^2))-3*exp(-(x^2+y^2))")]
    [InlineData("rosenbrock", "(1-x)^2+100*(y-x^2)^2")]
    public void Run_TypedFormulaOfABuiltIn_GivesTheSameTrajectoryBitForBit(string name, string formula)
    {
        // The lecture's formulas (shared/reference/README.md), typed without spaces.
        var builtIn = Config(name, Convention.Lasagne, "nesterov(lr=0.01,momentum=0.9)", "rmsprop(lr=0.25)", "adadelta(lr=100)", "adagrad(lr=1.0)", "adam(lr=0.25)")
            with { Start = new(-2.8, -2.5), Steps = 125 };

        var expected = TrajectoryExperiment.Run(builtIn);
        var typed = TrajectoryExperiment.Run(builtIn with { Function = formula });

        Assert.Equal(formula, typed.Function);
        for (int k = 0; k < expected.Paths.Count; k++)
        {
            Assert.Equal(Bits(expected.Paths[k].X), Bits(typed.Paths[k].X));
            Assert.Equal(Bits(expected.Paths[k].Y), Bits(typed.Paths[k].Y));
            Assert.Equal(Bits(expected.Paths[k].Loss), Bits(typed.Paths[k].Loss));
        }
    }

    [Fact]
    public void Run_NoStartNoSteps_UsesTheFunctionsStartAnd125Steps()
    {
        var result = TrajectoryExperiment.Run(Config("rosenbrock", Convention.PyTorch, "adam(lr=0.01)"));

        Assert.Equal(new Point2(-1.2, 1), result.Start);
        Assert.Equal(125, result.Steps);
        Assert.Null(result.Config.Start);
        Assert.Null(result.Config.Steps);
        Assert.Equal(126, result.Paths[0].Count);
        Assert.Equal((-1.2, 1.0), (result.Paths[0].X[0], result.Paths[0].Y[0]));
        // (1 + 1.2)² + 100·(1 − 1.44)² = 4.84 + 19.36
        Assert.Equal(24.2, result.Paths[0].Loss[0], 1e-12);
        Assert.Equal("rosenbrock", result.Function);
        Assert.Equal([new KnownMinimum(1, 1, 0)], result.Minima);
    }

    [Fact]
    public void Run_Summary_HandWorkedDistanceToTheNearestMinimum()
    {
        // One sgd step of lr 0.25 on x² + y² halves the point: (1, 2) → (0.5, 1), √1.25 from the origin.
        var config = Config("quadratic", Convention.PyTorch, "sgd(lr=0.25)") with { Start = new(1, 2), Steps = 1 };

        var summary = TrajectoryExperiment.Run(config).Paths[0].Summary;

        Assert.Equal("sgd(lr=0.25)", summary.Optimizer);
        Assert.Equal((1, 0.5, 1.0, 1.25), (summary.FinalStep, summary.FinalX, summary.FinalY, summary.FinalLoss));
        Assert.Equal(Math.Sqrt(1.25), summary.DistanceToMinimum);
        Assert.Equal(0, summary.NearestMinimum);
        Assert.False(summary.Diverged);
        Assert.StartsWith("sgd(lr=0.25): (0.5, 1) loss 1.25 after 1 steps, 1.118 from the nearest minimum", summary.ToString());
    }

    [Fact]
    public void Run_FunctionWithoutKnownMinima_HasNoDistance()
    {
        var summary = TrajectoryExperiment.Run(Config("saddle", Convention.PyTorch, "sgd(lr=0.01)") with { Steps = 3 }).Paths[0].Summary;

        Assert.Null(summary.DistanceToMinimum);
        Assert.Null(summary.NearestMinimum);
    }

    [Fact]
    public void Run_Path_KeepsTheSpecAsTypedAndRecordsTheResolvedOne()
    {
        var path = TrajectoryExperiment.Run(Config("quadratic", Convention.Lasagne, " adam( lr = 0.25 )") with { Steps = 1 }).Paths[0];

        Assert.Equal(" adam( lr = 0.25 )", path.Optimizer);
        Assert.Equal(OptimizerCatalog.Describe(OptimizerCatalog.Resolve("adam(lr=0.25)", Convention.Lasagne)).ToString(), path.Resolved);
        Assert.Contains("beta2=0.999", path.Resolved);
    }

    [Fact]
    public void Run_Progress_ReportsEachPath()
    {
        var recorder = new Recorder();

        TrajectoryExperiment.Run(Config("quadratic", Convention.PyTorch, "sgd(lr=0.1)", "adam(lr=0.1)") with { Steps = 3 }, recorder);

        Assert.Equal([new LabProgress(1, 2, "sgd(lr=0.1)"), new LabProgress(2, 2, "adam(lr=0.1)")], recorder.Reports);
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            TrajectoryExperiment.Run(Config("quadratic", Convention.PyTorch, "sgd(lr=0.1)"), cancellation: source.Token));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(100_001)]
    public void Run_StepsOutOfRange_NamesSteps(int steps)
    {
        var e = Assert.Throws<LabInputException>(() => TrajectoryExperiment.Run(Config("quadratic", Convention.PyTorch, "sgd(lr=0.1)") with { Steps = steps }));

        Assert.Equal("steps", e.Argument);
        Assert.Contains("100000", e.Message);
    }

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.PositiveInfinity)]
    [InlineData(2e6, 0)]
    public void Run_StartNotFiniteOrOutOfBounds_NamesStart(double x, double y)
    {
        var e = Assert.Throws<LabInputException>(() => TrajectoryExperiment.Run(Config("quadratic", Convention.PyTorch, "sgd(lr=0.1)") with { Start = new(x, y) }));

        Assert.Equal("start", e.Argument);
    }

    [Fact]
    public void Run_UnknownFunction_NamesFunctionAndSuggests()
    {
        var e = Assert.Throws<LabInputException>(() => TrajectoryExperiment.Run(Config("hills-and-canyons", Convention.PyTorch, "sgd(lr=0.1)")));

        Assert.Equal("function", e.Argument);
        Assert.IsType<UnknownFunctionException>(e.InnerException);
        Assert.Contains("hills-and-canyon", e.Message);
    }

    [Fact]
    public void Run_BadFormula_NamesFunctionAndKeepsTheCaretDisplay()
    {
        var e = Assert.Throws<LabInputException>(() => TrajectoryExperiment.Run(Config("x^2 + * y", Convention.PyTorch, "sgd(lr=0.1)")));

        Assert.Equal("function", e.Argument);
        var formula = Assert.IsType<FormulaException>(e.InnerException);
        Assert.Equal(6, formula.Position);
        Assert.Equal("      ^", formula.Display.Split('\n')[1]);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Run_EmptyFunction_NamesFunction(string function)
    {
        var e = Assert.Throws<LabInputException>(() => TrajectoryExperiment.Run(Config(function, Convention.PyTorch, "sgd(lr=0.1)")));

        Assert.Equal("function", e.Argument);
    }

    [Theory]
    [InlineData("adamm(lr=0.1)")]
    [InlineData("adam(lr=-1)")]
    [InlineData("adam(speed=2)")]
    [InlineData("adam(lr=0.1")]
    public void Run_BadOptimizer_NamesOptimizerAndWrapsTheSpecError(string spec)
    {
        var e = Assert.Throws<LabInputException>(() => TrajectoryExperiment.Run(Config("quadratic", Convention.PyTorch, "sgd(lr=0.1)", spec)));

        Assert.Equal("optimizer", e.Argument);
        Assert.IsType<SpecException>(e.InnerException);
    }

    [Fact]
    public void Run_NoOptimizer_NamesOptimizer()
    {
        var e = Assert.Throws<LabInputException>(() => TrajectoryExperiment.Run(Config("quadratic", Convention.PyTorch)));

        Assert.Equal("optimizer", e.Argument);
    }

    [Fact]
    public void Validate_GoodConfig_DoesNotThrowAndBadOneNamesTheArgument()
    {
        TrajectoryExperiment.Validate(Config("hills-and-canyon", Convention.Lasagne, "adam(lr=0.25)"));

        var e = Assert.Throws<LabInputException>(() => TrajectoryExperiment.Validate(Config("hills-and-canyon", Convention.Lasagne, "adam(lr=0.25)") with { Steps = 0 }));
        Assert.Equal("steps", e.Argument);
    }

    [Fact]
    public void ResolveFunction_GivenStart_SetsTheObjectivesStart()
    {
        var objective = TrajectoryExperiment.ResolveFunction(Config("rosenbrock", Convention.PyTorch) with { Start = new(0.5, -0.5) });

        Assert.Equal(new Point2(0.5, -0.5), objective.Start);
        Assert.Equal("rosenbrock", objective.Name);
    }

    private static void Close(double[] expected, IReadOnlyList<double> actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
    }

    internal static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}
