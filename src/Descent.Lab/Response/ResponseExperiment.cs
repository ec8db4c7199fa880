using Descent.Lab.Signals;
using Descent.Specs;

namespace Descent.Lab.Response;

/// <summary>
/// The gradient-response experiment (the lecture's 1-D figures): each optimizer, on one parameter
/// starting at 0 in double precision, is fed the signal step by step as its gradient, and the run
/// records what it was fed and how far it moved.
/// </summary>
/// <remarks>
/// Look-ahead rules (<see cref="Optimizer{T}.NeedsOracle"/>) ask for the gradient at other points
/// <c>q</c>. The signal is a gradient field over position, walked forward one index per step, so at
/// step <c>i</c> (from 0) with the parameter at <c>p</c>, the point <c>q</c> lies at the fractional
/// index <c>i + (p − q)</c> — for the lecture's Nesterov, <c>q = p − γ·v</c> reads <c>i + γ·v</c> — read
/// with <see cref="ResponseConfig.Interpolation"/> (<see cref="Interpolations"/>), 0 past the end.
/// NaN and infinities propagate into the result; a curve is marked diverged at its first non-finite
/// update and the run goes on.
/// <para>Numerics: a rule whose step does not depend on where the parameter is (every rule without
/// weight decay) is stepped from 0 each time, and its update is the distance it moved. In exact
/// arithmetic that changes nothing; in floating point it avoids cancellation against a parameter that
/// has drifted far from 0: the update is the rule's own step bit for bit, and the look-ahead offset
/// <c>p − q</c> is exactly the rule's <c>γ·v·k/K</c>, as the lecture computes it. Look-ahead curves
/// amplify index errors of ~1e-13 to ~1e-9 over 300 steps, so this is what reproduces the lecture's
/// numbers to 1e-9. Rules with weight decay see the true parameter, which starts at 0.</para>
/// </remarks>
public static class ResponseExperiment
{
    /// <summary>The most steps all curves of a run may record together (steps × optimizers).</summary>
    public const long MaxRecordedSteps = 10_000_000;

    /// <summary>Resolves the signal of <paramref name="config"/> (<see cref="SignalCatalog.Resolve"/>) and runs it.</summary>
    /// <exception cref="LabInputException">Bad signal, spec, or steps; thrown before any work.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled; it is checked at every step and every look-ahead point.</exception>
    public static ResponseResult Run(ResponseConfig config, IProgress<LabProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Run(config, SignalCatalog.Resolve(config.Signal), progress, cancellation);
    }

    /// <summary>Runs <paramref name="config"/> on <paramref name="signal"/> (already loaded; <see cref="ResponseConfig.Signal"/> only names it).</summary>
    /// <exception cref="LabInputException">Bad spec or steps; thrown before any work.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled; it is checked at every step and every look-ahead point.</exception>
    public static ResponseResult Run(ResponseConfig config, Signal signal, IProgress<LabProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(signal);
        int steps = ResolveSteps(config, signal);
        var options = ResolveOptimizers(config);
        LabOptimizers.CheckWork(steps, options, MaxRecordedSteps);
        LabOptimizers.CheckSchedules(config.Optimizers, options, steps, hasLoss: false, hasEpochs: false);
        var curves = new ResponseCurve[options.Count];
        bool record = LabOptimizers.AnySchedule(options);
        for (int k = 0; k < options.Count; k++)
        {
            cancellation.ThrowIfCancellationRequested();
            curves[k] = RunCurve(config.Optimizers[k], options[k], signal.Values, steps, config.Interpolation, record, cancellation);
            progress?.Report(new LabProgress(k + 1, options.Count, config.Optimizers[k]));
        }
        return new ResponseResult
        {
            Config = config,
            ToolVersion = Lab.ToolVersion.Current,
            Steps = steps,
            Signal = signal.Values,
            Curves = curves,
        };
    }

    /// <summary>Checks everything a run needs from <paramref name="config"/> (signal, specs, steps) without running it.</summary>
    /// <exception cref="LabInputException">The first problem found.</exception>
    public static void Validate(ResponseConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        int steps = ResolveSteps(config, SignalCatalog.Resolve(config.Signal));
        var options = ResolveOptimizers(config);
        LabOptimizers.CheckWork(steps, options, MaxRecordedSteps);
        LabOptimizers.CheckSchedules(config.Optimizers, options, steps, hasLoss: false, hasEpochs: false);
    }

    /// <summary>The steps a run of <paramref name="config"/> on <paramref name="signal"/> takes: the config's, or the signal's length.</summary>
    /// <exception cref="LabInputException">Steps outside 1 to the signal's length.</exception>
    public static int ResolveSteps(ResponseConfig config, Signal signal)
    {
        int n = signal.Length;
        int steps = config.Steps ?? n;
        if (steps < 1 || steps > n)
            throw new LabInputException("steps", $"Steps must be between 1 and {n} (the length of signal '{signal.Name}'), got {steps}.");
        return steps;
    }

    private static List<OptimizerOptions> ResolveOptimizers(ResponseConfig config) => LabOptimizers.Resolve(config.Optimizers, config.Convention);

    private static ResponseCurve RunCurve(string spec, OptimizerOptions options, IReadOnlyList<double> signal, int steps, Interpolation interpolation,
        bool recordRates, CancellationToken cancellation)
    {
        var optimizer = options.Create<double>(1);
        var gradients = new double[steps];
        var updates = new double[steps];
        var rates = recordRates ? new double[steps] : null;
        var p = new double[1];
        var g = new double[1];
        int? diverged = null;
        bool centred = !DependsOnPosition(options);
        var oracle = new SignalOracle(signal, interpolation, cancellation);
        GradientOracle<double> evaluate = oracle.Evaluate;
        for (int i = 0; i < steps; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            if (centred) p[0] = 0;
            double before = p[0];
            if (rates is not null) rates[i] = optimizer.CurrentLearningRate(0) ?? options.LearningRate;
            if (optimizer.NeedsOracle)
            {
                oracle.Begin(i, before);
                optimizer.Step(p, evaluate);
                gradients[i] = oracle.Mean;
            }
            else
            {
                g[0] = signal[i];
                optimizer.Step(p, g);
                gradients[i] = g[0];
            }
            updates[i] = before - p[0];
            if (diverged is null && !double.IsFinite(updates[i])) diverged = i + 1;
        }
        return new ResponseCurve
        {
            Optimizer = spec,
            Resolved = OptimizerCatalog.Describe(options).ToString(),
            Gradients = gradients,
            Updates = updates,
            LearningRates = rates,
            DivergedAtStep = diverged,
        };
    }

    // Weight decay (L2 or decoupled) is the only way a rule's step depends on the parameter's value.
    private static bool DependsOnPosition(OptimizerOptions options) => options.WeightDecay != 0;

    // The signal as a gradient field for one step: a point q reads index i + (p − q). A look-ahead step
    // calls it once per point, so it is where a cancelled run stops inside a step.
    private sealed class SignalOracle(IReadOnlyList<double> signal, Interpolation interpolation, CancellationToken cancellation)
    {
        private int _step, _calls;
        private double _position, _sum;

        public double Mean => _calls == 0 ? 0 : _sum / _calls;

        public void Begin(int step, double position)
        {
            _step = step;
            _position = position;
            _sum = 0;
            _calls = 0;
        }

        public void Evaluate(ReadOnlySpan<double> point, Span<double> gradient)
        {
            cancellation.ThrowIfCancellationRequested();
            double value = Interpolations.Sample(signal, _step + (_position - point[0]), interpolation);
            gradient[0] = value;
            _sum += value;
            _calls++;
        }
    }
}
