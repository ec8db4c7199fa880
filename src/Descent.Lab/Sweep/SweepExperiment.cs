using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Descent.Functions;
using Descent.Lab.Trajectory;
using Descent.Specs;
using Descent.Training;

namespace Descent.Lab.Sweep;

/// <summary>
/// The sensitivity sweep: every cell of every optimizer's grids (<see cref="SpecGrid"/>) run from several starts on a
/// landscape, or trained with several seeds, keeping per run the final and best loss, when it reached the target and
/// whether it diverged (<see cref="SweepOutcome"/>).
/// </summary>
/// <remarks>
/// A landscape run is <c>descent trajectory</c>'s loop without the recording: the same objective gradient, the same
/// optimizer step, the same divergence test (<see cref="TrajectoryExperiment.Bound"/>), so a row's numbers equal that
/// command's with the row's spec and start, bit for bit. Runs are independent: they go to every core in batches, each
/// result lands in its row's place, so the rows do not depend on the thread count; each finished batch goes to the
/// cache (<see cref="SweepRunOptions.Cache"/>) under its runs' content keys (<see cref="CacheKey"/>).
/// </remarks>
public static class SweepExperiment
{
    /// <summary>Steps per landscape run when the config gives none: the lecture's 125.</summary>
    public const int DefaultSteps = TrajectoryExperiment.DefaultSteps;

    /// <summary>Epochs per training run when the config gives none.</summary>
    public const int DefaultEpochs = 1;

    /// <summary>The most starts per cell.</summary>
    public const int MaxStarts = 1000;

    /// <summary>The most seeds per cell.</summary>
    public const int MaxSeeds = 100;

    /// <summary>The most runs (cells × starts or seeds, all optimizers) one sweep may have: each is a row.</summary>
    public const int MaxRuns = 1_000_000;

    /// <summary>The most landscape gradient evaluations one sweep may take (about an hour and a half on two cores).</summary>
    public const long MaxGradientEvaluations = 10_000_000_000;

    /// <summary>The seed of the extra starts' draws: fixed, so a sweep's starts are the same on every machine.</summary>
    public const ulong StartSeed = 1;

    /// <summary>Runs per batch: what goes to one thread at a time and to the cache as one piece.</summary>
    public const int BatchRuns = 256;

    /// <summary>Checks <paramref name="config"/> and lists its rows without running anything.</summary>
    /// <exception cref="LabInputException">The first problem found; a bad grid is a <see cref="GridException"/>.</exception>
    public static SweepPlan Plan(SweepConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        bool landscape = config.Function is not null;
        if (landscape == (config.Dataset is not null))
            throw new LabInputException(landscape ? "dataset" : "function", "give either --function (a landscape sweep) or --dataset with --model (a training sweep), not both.");
        if (config.Optimizers.Count == 0)
            throw new LabInputException("optimizer", $"No optimizer given; write e.g. adam(lr=[1e-3..1:7log]); valid: {string.Join(", ", OptimizerCatalog.Names)}.");
        LabOptimizers.CheckCount(config.Optimizers.Count);
        if (config.Starts < 1 || config.Starts > MaxStarts)
            throw new LabInputException("starts", $"Starts must be between 1 and {MaxStarts}, got {config.Starts}.");
        if (config.Seeds < 1 || config.Seeds > MaxSeeds)
            throw new LabInputException("seeds", $"Seeds must be between 1 and {MaxSeeds}, got {config.Seeds}.");
        if (config.Target is double target && !double.IsFinite(target))
            throw new LabInputException("target", "The target must be a finite loss.");
        if (landscape && config.Seeds != 1) throw new LabInputException("seeds", "--seeds is for training sweeps; a landscape has no randomness: use --starts.");
        if (!landscape && config.Starts != 1) throw new LabInputException("starts", "--starts is for landscape sweeps; training varies --seeds.");
        if (landscape && config.Epochs is not null) throw new LabInputException("epochs", "--epochs is for training sweeps; a landscape sweep takes --steps.");
        if (!landscape && config.Steps is not null) throw new LabInputException("steps", "--steps is for landscape sweeps; a training sweep takes --epochs.");

        var optimizers = new List<PlannedOptimizer>(config.Optimizers.Count);
        long runs = 0;
        int repeats = landscape ? config.Starts : config.Seeds;
        foreach (string text in config.Optimizers)
        {
            var grid = SpecGrid.Expand(text);
            runs += (long)grid.Cells.Count * repeats;
            if (runs > MaxRuns)
                throw new LabInputException("optimizer", FormattableString.Invariant(
                    $"the sweep has more than {MaxRuns:N0} runs (cells × {(landscape ? "starts" : "seeds")}, all optimizers); give coarser grids or fewer {(landscape ? "starts" : "seeds")}."));
            var specs = grid.Cells.Select(c => c.Spec).ToList();
            optimizers.Add(new PlannedOptimizer(grid, ResolveCells(specs, config.Convention)));
        }
        return landscape ? PlanLandscape(config, optimizers, runs) : SweepTraining.Plan(config, optimizers, runs);
    }

    // Every cell through the ordinary spec parser; an error names the concrete spec that fails.
    private static List<OptimizerOptions> ResolveCells(List<string> specs, Convention convention)
    {
        var options = new List<OptimizerOptions>(specs.Count);
        foreach (string spec in specs)
        {
            try { options.Add(OptimizerCatalog.Resolve(spec, convention)); }
            catch (SpecException e) { throw new LabInputException("optimizer", specs.Count > 1 ? $"cell {OptimizerSpec.Quote(spec)}: {e.Message}" : e.Message, e); }
        }
        return options;
    }

    private static SweepPlan PlanLandscape(SweepConfig config, List<PlannedOptimizer> optimizers, long runs)
    {
        var objective = TrajectoryExperiment.ResolveFunction(new TrajectoryConfig { Function = config.Function! });
        int steps = config.Steps ?? DefaultSteps;
        if (steps < 1 || steps > TrajectoryExperiment.MaxSteps)
            throw new LabInputException("steps", $"Steps must be between 1 and {TrajectoryExperiment.MaxSteps}, got {steps}.");
        long gradients = 0;
        foreach (var o in optimizers)
        {
            LabOptimizers.CheckSchedules(o.Grid.Cells.Select(c => c.Spec).ToList(), o.Options, steps, hasLoss: true, hasEpochs: false);
            gradients += o.Options.Sum(x => (long)x.GradientsPerStep()) * steps * config.Starts;
        }
        if (gradients > MaxGradientEvaluations)
            throw new LabInputException("steps", FormattableString.Invariant(
                $"the sweep needs {gradients:N0} gradient evaluations, above the limit of {MaxGradientEvaluations:N0}; give fewer --steps, --starts or cells, or split it with --shard."));
        var starts = Starts(objective, config.Starts);
        string problem = "function\n" + objective.Name + "\n" + objective.Formula;
        return new SweepPlan(config, objective.Name, steps, optimizers, (int)runs, starts, problem, objective);
    }

    /// <summary>
    /// The starts of a landscape sweep: the function's own, then <paramref name="count"/> − 1 points drawn uniformly in its
    /// domain from <see cref="StartSeed"/> (x then y, 53 random bits each).
    /// </summary>
    public static IReadOnlyList<Point2> Starts(Objective objective, int count)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var starts = new List<Point2>(count) { objective.Start };
        var random = new DeterministicRandom(StartSeed);
        var d = objective.Domain;
        for (int i = 1; i < count; i++)
        {
            double u = (random.NextUInt64() >> 11) * (1.0 / (1UL << 53));
            double v = (random.NextUInt64() >> 11) * (1.0 / (1UL << 53));
            starts.Add(new Point2(d.XMin + u * d.Width, d.YMin + v * d.Height));
        }
        return starts;
    }

    /// <summary>
    /// The content key of one run: the tool version, the problem, the convention, the concrete spec, the steps, the start
    /// or seed and the target, hashed (SHA-256, hex). Equal keys mean equal outcomes.
    /// </summary>
    public static string CacheKey(string problem, Convention convention, string spec, int steps, string startOrSeed, double? target)
    {
        string text = string.Join('\n', ToolVersion.Current, problem, OptimizerCatalog.Name(convention), spec,
            steps.ToString(CultureInfo.InvariantCulture), startOrSeed, target is double t ? OptimizerSpec.RoundTrip(t) : "none");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Runs the rows of <paramref name="config"/> that fall to this shard (<paramref name="run"/>), each once, using and filling the cache.</summary>
    /// <exception cref="LabInputException">Bad input (see <see cref="Plan"/>), thrown before any work.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled; finished batches stay in the cache.</exception>
    public static SweepResult Run(SweepConfig config, SweepRunOptions? run = null, IProgress<LabProgress>? progress = null, CancellationToken cancellation = default)
    {
        var plan = Plan(config);
        return Run(plan, run, progress, cancellation);
    }

    /// <summary>Runs a checked <paramref name="plan"/>.</summary>
    public static SweepResult Run(SweepPlan plan, SweepRunOptions? run = null, IProgress<LabProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        run ??= new SweepRunOptions();
        if (run.ShardCount < 1 || run.ShardIndex < 0 || run.ShardIndex >= run.ShardCount)
            throw new LabInputException("shard", $"shard {run.ShardIndex}/{run.ShardCount} does not exist; valid: I/N with 0 ≤ I < N.");
        int threads = Math.Clamp(run.Threads ?? Environment.ProcessorCount, 1, 1024);
        var rows = plan.Rows().Where(r => r.Index % run.ShardCount == run.ShardIndex).ToList();
        var outcomes = new SweepOutcome?[rows.Count];
        var keys = new string[rows.Count];
        var todo = new List<int>();
        for (int i = 0; i < rows.Count; i++)
        {
            keys[i] = plan.KeyOf(rows[i]);
            outcomes[i] = run.Cache?.Find(keys[i]);
            if (outcomes[i] is null) todo.Add(i);
        }
        int cached = rows.Count - todo.Count;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        int batchSize = plan.Landscape ? BatchRuns : 1;
        int batches = (todo.Count + batchSize - 1) / batchSize;
        int done = 0;
        long steps = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation };
        Parallel.For(0, batches, parallel, b =>
        {
            int from = b * batchSize, to = Math.Min(todo.Count, from + batchSize);
            var batch = new List<KeyValuePair<string, SweepOutcome>>(to - from);
            long batchSteps = 0;
            for (int k = from; k < to; k++)
            {
                int i = todo[k];
                var outcome = plan.Compute(rows[i], cancellation);
                batchSteps += outcome.FinalStep;
                outcomes[i] = outcome;
                batch.Add(new(keys[i], outcome));
            }
            run.Cache?.Store(batch);
            Interlocked.Add(ref steps, batchSteps);
            int now = Interlocked.Add(ref done, to - from);
            progress?.Report(new LabProgress(now, todo.Count, "sweep"));
        });
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var finished = rows.Select((r, i) => r.Finish(outcomes[i]!)).ToList();
        return new SweepResult
        {
            Config = plan.Config,
            ToolVersion = ToolVersion.Current,
            Problem = plan.Problem,
            Steps = plan.Steps,
            Optimizers = plan.Optimizers.Select(o => new SweepOptimizer { Optimizer = o.Grid.Text, Axes = o.Grid.Axes, Cells = o.Grid.Cells.Count }).ToList(),
            Rows = finished,
            Summaries = run.ShardCount == 1 ? SweepSummaries.Compute(plan.Optimizers.Select(o => o.Grid).ToList(), finished, plan.Config.Target is not null) : [],
            ComputedSteps = steps,
            ComputedRuns = todo.Count,
            CachedRuns = cached,
            ComputeSeconds = watch.Elapsed.TotalSeconds,
            ComputeCpuSeconds = cpu.TotalSeconds,
            Threads = threads,
        };
    }

    /// <summary>
    /// One landscape run, <c>descent trajectory</c>'s loop without its records: the loss and gradient at the point, the
    /// divergence test, then the optimizer's step; <paramref name="steps"/> steps or until the point leaves.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static SweepOutcome RunLandscape(OptimizerOptions options, Objective objective, Point2 start, int steps, double? target, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(objective);
        var optimizer = options.Create<double>(2);
        Span<double> p = [start.X, start.Y];
        Span<double> g = stackalloc double[2];
        Span<double> x = stackalloc double[2];
        GradientOracle<double>? oracle = optimizer.NeedsOracle
            ? (q, gq) =>
            {
                cancellation.ThrowIfCancellationRequested();
                objective.Gradient(q, gq);
            }
            : null;
        // L-BFGS's closure, as the trajectory gives it: the loss with the gradient wherever its line search asks.
        LossOracle<double>? lossOracle = optimizer.NeedsLoss
            ? (q, gq) =>
            {
                cancellation.ThrowIfCancellationRequested();
                return objective.ValueAndGradient(q, gq);
            }
            : null;
        // A rule with an evaluation point (Schedule-Free's x) is judged there, as the trajectory records it.
        bool atEvaluationPoint = optimizer.HasEvaluationPoint;
        double best = double.PositiveInfinity, final = double.NaN;
        int last = 0;
        int? reached = null;
        bool diverged = false;
        double goal = target ?? double.NegativeInfinity;
        const double bound = TrajectoryExperiment.Bound;
        for (int t = 0; ; t++)
        {
            double loss = objective.ValueAndGradient(p[0], p[1], out double gx, out double gy);
            g[0] = gx;
            g[1] = gy;
            double recorded = loss;
            bool outside = false;
            if (atEvaluationPoint)
            {
                optimizer.EvaluationPoint(p, x);
                recorded = objective.Value(x);
                outside = !(Math.Abs(x[0]) <= bound && Math.Abs(x[1]) <= bound) || !double.IsFinite(recorded);
            }
            // NaN fails both comparisons: out of the finite numbers or beyond the bound, as the trajectory's test.
            if (!(Math.Abs(p[0]) <= bound && Math.Abs(p[1]) <= bound) || !double.IsFinite(loss) || outside)
            {
                diverged = true;
                if (t == 0) final = best = recorded;
                break;
            }
            final = recorded;
            last = t;
            if (recorded < best) best = recorded;
            if (reached is null && recorded <= goal) reached = t;
            if (t == steps) break;
            if ((t & 255) == 0) cancellation.ThrowIfCancellationRequested();
            if (lossOracle is not null) optimizer.Step(p, lossOracle);
            else if (oracle is not null) optimizer.Step(p, oracle, loss);
            else optimizer.Step(p, g, loss);
        }
        return new SweepOutcome { FinalLoss = final, BestLoss = best, StepsToTarget = reached, FinalStep = last, Diverged = diverged };
    }
}
