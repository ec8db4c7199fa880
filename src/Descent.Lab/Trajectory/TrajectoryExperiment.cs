using Descent.Functions;
using Descent.Specs;

namespace Descent.Lab.Trajectory;

/// <summary>
/// The trajectory experiment (the lecture's animations): each optimizer starts from one point of a
/// 2-D function and takes steps in double precision with the function's exact gradient, and the run
/// records every point, the loss and gradient there, and the optimizer's state buffers.
/// </summary>
/// <remarks>
/// Rules that take the gradient at the current point get <see cref="Objective.ValueAndGradient(ReadOnlySpan{double}, Span{double})"/>
/// there; look-ahead rules (<see cref="Optimizer{T}.NeedsOracle"/>) get <see cref="Objective.Gradient"/> as their
/// oracle. A path whose point leaves the finite numbers or the box |x|, |y| ≤ <see cref="Bound"/>, or whose loss
/// is not finite, stops there and is marked diverged at that step (<see cref="TrajectoryPath.DivergedAtStep"/>);
/// the other paths go on. Nothing in a run throws for numerical reasons.
/// </remarks>
public static class TrajectoryExperiment
{
    /// <summary>The steps a path takes when the config gives none: the lecture's 125.</summary>
    public const int DefaultSteps = 125;

    /// <summary>The most steps a config may ask for.</summary>
    public const int MaxSteps = 100_000;

    /// <summary>The most steps all paths of a run may record together (steps × optimizers): each keeps a dozen numbers.</summary>
    public const long MaxRecordedSteps = 2_000_000;

    /// <summary>A coordinate beyond ±<see cref="Bound"/> marks a path as diverged.</summary>
    public const double Bound = 1e6;

    /// <summary>Resolves the function of <paramref name="config"/> (<see cref="ResolveFunction"/>) and runs every optimizer on it.</summary>
    /// <exception cref="LabInputException">Bad function, start, steps or spec, or more work than <see cref="LabOptimizers.CheckWork"/> allows; thrown before any work.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled; it is checked at every step and every look-ahead gradient.</exception>
    public static TrajectoryResult Run(TrajectoryConfig config, IProgress<LabProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var objective = ResolveFunction(config);
        int steps = ResolveSteps(config);
        var options = ResolveOptimizers(config);
        LabOptimizers.CheckWork(steps, options, MaxRecordedSteps);
        LabOptimizers.CheckSchedules(config.Optimizers, options, steps, hasLoss: true, hasEpochs: false);
        var paths = new TrajectoryPath[options.Count];
        bool record = LabOptimizers.AnySchedule(options);
        // Evaluations per step are worth a column only when some rule takes other than one gradient per step.
        bool count = options.Any(o => o.GradientsPerStep() != 1);
        for (int k = 0; k < options.Count; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            paths[k] = RunPath(config.Optimizers[k], options[k], objective, steps, record, count, cancellation);
            progress?.Report(new LabProgress(k + 1, options.Count, config.Optimizers[k]));
        }
        return new TrajectoryResult
        {
            Config = config,
            ToolVersion = Lab.ToolVersion.Current,
            Function = objective.Name,
            Formula = objective.Formula,
            Domain = objective.Domain,
            Minima = objective.Minima,
            Start = objective.Start,
            Steps = steps,
            Paths = paths,
        };
    }

    /// <summary>Checks everything a run needs from <paramref name="config"/> (function, start, steps, specs) without running it.</summary>
    /// <exception cref="LabInputException">The first problem found.</exception>
    public static void Validate(TrajectoryConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        ResolveFunction(config);
        int steps = ResolveSteps(config);
        var options = ResolveOptimizers(config);
        LabOptimizers.CheckWork(steps, options, MaxRecordedSteps);
        LabOptimizers.CheckSchedules(config.Optimizers, options, steps, hasLoss: true, hasEpochs: false);
    }

    /// <summary>
    /// The objective <paramref name="config"/> runs on (<see cref="FunctionCatalog.Resolve"/>), its
    /// <see cref="Objective.Start"/> set to the config's start when one is given: what a renderer draws.
    /// </summary>
    /// <exception cref="LabInputException">
    /// <c>function</c>: an unknown name or a formula that does not parse — the <see cref="FunctionException"/>
    /// is the inner exception (a <see cref="FormulaException"/>'s <see cref="FormulaException.Display"/> shows a caret
    /// under the bad character); <c>start</c>: a coordinate that is not finite.
    /// </exception>
    public static Objective ResolveFunction(TrajectoryConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (string.IsNullOrWhiteSpace(config.Function))
            throw new LabInputException("function", $"No function given; write a name ({string.Join(", ", FunctionCatalog.All.Select(e => e.Name))}) or a formula in x and y, e.g. \"x^2 + 3*y^2\".");
        Objective objective;
        try { objective = FunctionCatalog.Resolve(config.Function); }
        catch (FunctionException e) { throw new LabInputException("function", e.Message, e); }
        if (config.Start is not Point2 start) return objective;
        if (!double.IsFinite(start.X) || !double.IsFinite(start.Y))
            throw new LabInputException("start", FormattableString.Invariant($"The start must be a finite point x,y; got {start.X:R},{start.Y:R}."));
        if (Math.Abs(start.X) > Bound || Math.Abs(start.Y) > Bound)
            throw new LabInputException("start", FormattableString.Invariant($"The start must lie within ±{Bound:G} in x and y; got {start.X:R},{start.Y:R}."));
        return objective with { Start = start };
    }

    /// <summary>The steps each path of <paramref name="config"/> takes: the config's, or <see cref="DefaultSteps"/>.</summary>
    /// <exception cref="LabInputException">Steps outside 1 to <see cref="MaxSteps"/>.</exception>
    public static int ResolveSteps(TrajectoryConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        int steps = config.Steps ?? DefaultSteps;
        if (steps < 1 || steps > MaxSteps)
            throw new LabInputException("steps", $"Steps must be between 1 and {MaxSteps}, got {steps}.");
        return steps;
    }

    private static List<OptimizerOptions> ResolveOptimizers(TrajectoryConfig config) => LabOptimizers.Resolve(config.Optimizers, config.Convention);

    private static TrajectoryPath RunPath(string spec, OptimizerOptions options, Objective objective, int steps, bool recordRates, bool countEvaluations,
        CancellationToken cancellation)
    {
        var optimizer = options.Create<double>(2);
        // A rule that proposes a point other than its parameters (Schedule-Free's x) is recorded there, as a PyTorch
        // loop would evaluate after optimizer.eval(); the parameters (y, where gradients are taken) join its state.
        bool atEvaluationPoint = optimizer.HasEvaluationPoint;
        IReadOnlyList<string> names = atEvaluationPoint ? [.. optimizer.StateNames, "y"] : optimizer.StateNames;
        var xs = new List<double>(steps + 1);
        var ys = new List<double>(steps + 1);
        var losses = new List<double>(steps + 1);
        var gxs = new List<double>(steps + 1);
        var gys = new List<double>(steps + 1);
        var stateX = names.Select(_ => new List<double>(steps + 1)).ToArray();
        var stateY = names.Select(_ => new List<double>(steps + 1)).ToArray();
        var rates = recordRates ? new List<double>(steps) : null;
        Span<double> p = [objective.Start.X, objective.Start.Y];
        Span<double> g = stackalloc double[2];
        Span<double> x = stackalloc double[2];
        // A look-ahead step may ask for up to SmoothedNesterovOptions.MaxPoints gradients: each one is a place to stop.
        int calls = 0;
        GradientOracle<double> oracle = (q, gq) =>
        {
            cancellation.ThrowIfCancellationRequested();
            calls++;
            objective.Gradient(q, gq);
        };
        // L-BFGS's closure: the loss with the gradient, wherever its line search asks.
        LossOracle<double> lossOracle = (q, gq) =>
        {
            cancellation.ThrowIfCancellationRequested();
            calls++;
            return objective.ValueAndGradient(q, gq);
        };
        var evaluations = countEvaluations ? new List<int>(steps) : null;
        var counterNames = optimizer.CounterNames;
        var counters = counterNames.Select(_ => new List<double>(steps + 1)).ToArray();
        int? diverged = null;

        for (int t = 0; ; t++)
        {
            double loss = objective.ValueAndGradient(p, g);
            optimizer.EvaluationPoint(p, x);
            double recordedLoss = atEvaluationPoint ? objective.Value(x) : loss;
            xs.Add(x[0]);
            ys.Add(x[1]);
            losses.Add(recordedLoss);
            gxs.Add(g[0]);
            gys.Add(g[1]);
            for (int s = 0; s < names.Count; s++)
            {
                var buffer = atEvaluationPoint && s == names.Count - 1 ? p : optimizer.State(names[s]);
                stateX[s].Add(buffer[0]);
                stateY[s].Add(buffer[1]);
            }
            for (int c = 0; c < counterNames.Count; c++) counters[c].Add(optimizer.Counter(counterNames[c]));
            if (Left(p) || Left(x) || !double.IsFinite(loss) || !double.IsFinite(recordedLoss))
            {
                diverged = t;
                break;
            }
            if (t == steps) break;
            cancellation.ThrowIfCancellationRequested();
            rates?.Add(optimizer.CurrentLearningRate(0) ?? options.LearningRate);
            // The loss where this step's gradient is taken: what a plateau schedule reads.
            calls = 0;
            if (optimizer.NeedsLoss) optimizer.Step(p, lossOracle);
            else if (optimizer.NeedsOracle) optimizer.Step(p, oracle, loss);
            else
            {
                optimizer.Step(p, g, loss);
                calls = 1;
            }
            evaluations?.Add(calls);
        }

        int last = diverged is int d ? Math.Max(0, d - 1) : xs.Count - 1;
        var (distance, nearest) = Nearest(objective.Minima, xs[last], ys[last]);
        return new TrajectoryPath
        {
            Optimizer = spec,
            Resolved = OptimizerCatalog.Describe(options).ToString(),
            X = xs,
            Y = ys,
            Loss = losses,
            GradientX = gxs,
            GradientY = gys,
            State = [.. names.Select((name, s) => new TrajectoryState { Name = name, X = stateX[s], Y = stateY[s] })],
            LearningRates = rates,
            Evaluations = evaluations,
            Counters = counterNames.Count == 0 ? null : [.. counterNames.Select((name, c) => new TrajectoryCounter { Name = name, Values = counters[c] })],
            DivergedAtStep = diverged,
            Summary = new TrajectorySummary
            {
                Optimizer = spec,
                FinalStep = last,
                FinalX = xs[last],
                FinalY = ys[last],
                FinalLoss = losses[last],
                DistanceToMinimum = distance,
                NearestMinimum = nearest,
                DivergedAtStep = diverged,
            },
        };
    }

    // Out of the finite numbers or beyond the bound: NaN fails both comparisons.
    private static bool Left(ReadOnlySpan<double> p) => !(Math.Abs(p[0]) <= Bound && Math.Abs(p[1]) <= Bound);

    private static (double? Distance, int? Index) Nearest(IReadOnlyList<KnownMinimum> minima, double x, double y)
    {
        double? best = null;
        int? index = null;
        for (int i = 0; i < minima.Count; i++)
        {
            double d = Math.Sqrt((x - minima[i].X) * (x - minima[i].X) + (y - minima[i].Y) * (y - minima[i].Y));
            if (best is null || d < best)
            {
                best = d;
                index = i;
            }
        }
        return (best, index);
    }
}
