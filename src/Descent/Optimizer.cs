using System.Numerics;
using Descent.State;

namespace Descent;

/// <summary>
/// A first-order optimizer over one flat parameter buffer: <c>init</c> allocates state buffers that
/// mirror the parameters, and each <see cref="Step(Span{T}, ReadOnlySpan{T})"/> is one fused pass
/// over memory per parameter group.
/// </summary>
/// <typeparam name="T"><see cref="float"/> for networks and speed, <see cref="double"/> for the lab's exact figures.</typeparam>
public abstract class Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[][] _state;
    private readonly string[] _stateNames;
    private T[]? _scratch;
    private T[]? _lossGradient;
    private readonly int _shown;

    /// <summary>
    /// Allocates zeroed state buffers named <paramref name="stateNames"/> of <paramref name="length"/> elements each, and
    /// the zeroed <paramref name="storage"/> buffers of their own lengths (L-BFGS's history): saved with the state, but not
    /// among <see cref="StateNames"/>, which list what mirrors the parameters.
    /// </summary>
    protected Optimizer(int length, IReadOnlyList<string> stateNames, int scalarCount = 0, IReadOnlyList<(string Name, int Length)>? storage = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        storage ??= [];
        _shown = stateNames.Count;
        _stateNames = [.. stateNames, .. storage.Select(s => s.Name)];
        _state = new T[_stateNames.Length][];
        for (int i = 0; i < _state.Length; i++) _state[i] = new T[i < _shown ? length : storage[i - _shown].Length];
        Scalars = new double[scalarCount];
    }

    /// <summary>
    /// A wrapper around <paramref name="wrapped"/> (lookahead): the wrapped rule's buffers, shared and not copied, come
    /// first, then new zeroed buffers named <paramref name="stateNames"/>; the wrapped rule's scalars are saved at the start
    /// of <see cref="Scalars"/>, before <paramref name="scalarCount"/> of the wrapper's own.
    /// </summary>
    protected Optimizer(Optimizer<T> wrapped, IReadOnlyList<string> stateNames, int scalarCount = 0)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        Length = wrapped.Length;
        // The wrapped rule's storage (after its shown buffers) moves behind the wrapper's own buffers.
        var shown = wrapped._stateNames.Take(wrapped._shown).Concat(stateNames).ToList();
        _shown = shown.Count;
        _stateNames = [.. shown, .. wrapped._stateNames.Skip(wrapped._shown)];
        _state = [.. wrapped._state.Take(wrapped._shown), .. stateNames.Select(_ => new T[wrapped.Length]), .. wrapped._state.Skip(wrapped._shown)];
        Scalars = new double[wrapped.Scalars.Length + scalarCount];
    }

    /// <summary>The rule's name (<c>adam</c>…).</summary>
    public abstract string Name { get; }

    /// <summary>Number of parameters in the flat buffer.</summary>
    public int Length { get; }

    /// <summary>Steps taken so far; the step counter <c>t</c> of the formulas is <c>StepCount</c> during a step.</summary>
    public long StepCount { get; private set; }

    /// <summary>Names of the state buffers (<c>exp_avg</c>, <c>exp_avg_sq</c>…), in storage order.</summary>
    public IReadOnlyList<string> StateNames => field ??= [.. _stateNames.Take(_shown)];

    /// <summary>True for look-ahead rules, which must be stepped with a <see cref="GradientOracle{T}"/>.</summary>
    public virtual bool NeedsOracle => false;

    /// <summary>
    /// True for rules that read the loss as well as gradients at points they choose (L-BFGS), which must be stepped
    /// with a <see cref="LossOracle{T}"/>. Every rule can be stepped that way.
    /// </summary>
    public virtual bool NeedsLoss => false;

    /// <summary>Scalar state worth showing beside the buffers, by name (L-BFGS's <c>history</c> length); empty for most rules.</summary>
    public virtual IReadOnlyList<string> CounterNames => [];

    /// <summary>The current value of the counter <paramref name="name"/> of <see cref="CounterNames"/>.</summary>
    public virtual double Counter(string name) => throw new ArgumentException($"No counter '{name}'; this optimizer has: {string.Join(", ", CounterNames)}.", nameof(name));

    /// <summary>Scalar state besides the buffers (e.g. NAdam's running product of momentum coefficients).</summary>
    protected double[] Scalars { get; }

    /// <summary>A read-only view of a state buffer, e.g. to draw a velocity.</summary>
    public ReadOnlySpan<T> State(string name)
    {
        int i = Array.IndexOf(_stateNames, name);
        if (i < 0) throw new ArgumentException($"No state buffer '{name}'; this optimizer has: {string.Join(", ", _stateNames)}.", nameof(name));
        return _state[i];
    }

    /// <summary>The whole state buffer at <paramref name="index"/>, writable.</summary>
    protected Span<T> Buffer(int index) => _state[index];

    /// <summary>Takes one step with the gradient at the current parameters.</summary>
    public void Step(Span<T> parameters, ReadOnlySpan<T> gradients) => StepWith(parameters, gradients, null);

    /// <summary>
    /// Takes one step with the gradient at the current parameters, where the loss is
    /// <paramref name="loss"/> (read by a <c>plateau</c> schedule).
    /// </summary>
    public void Step(Span<T> parameters, ReadOnlySpan<T> gradients, double loss) => StepWith(parameters, gradients, loss);

    /// <summary>
    /// Takes one step, asking <paramref name="oracle"/> for gradients. Rules that need only the gradient
    /// at the current point ask once, there.
    /// </summary>
    public void Step(Span<T> parameters, GradientOracle<T> oracle) => StepWith(parameters, oracle, null);

    /// <summary>Takes one step through <paramref name="oracle"/>, where the loss is <paramref name="loss"/>.</summary>
    public void Step(Span<T> parameters, GradientOracle<T> oracle, double loss) => StepWith(parameters, oracle, loss);

    /// <summary>
    /// Takes one step through <paramref name="oracle"/>, which gives the loss with each gradient (PyTorch's
    /// <c>step(closure)</c>); returns the loss at the parameters before the step. A rule that needs only the gradient at the
    /// current point asks once, there; a look-ahead rule asks at its points and the loss returned is its first answer's.
    /// </summary>
    public double Step(Span<T> parameters, LossOracle<T> oracle)
    {
        ArgumentNullException.ThrowIfNull(oracle);
        CheckLength(parameters.Length, nameof(parameters));
        StepCount++;
        StepLoss = null;
        double loss = StepCore(parameters, oracle, StepCount);
        AfterStep(loss);
        return loss;
    }

    /// <summary>One step with a loss oracle; by default the rule's own step with the oracle's gradient (and loss) at the current point.</summary>
    protected virtual double StepCore(Span<T> parameters, LossOracle<T> oracle, long t)
    {
        if (NeedsOracle)
        {
            double first = double.NaN;
            StepCore(parameters, (q, g) => { double f = oracle(q, g); if (double.IsNaN(first)) first = f; }, t);
            return first;
        }
        _lossGradient ??= new T[Length];
        Span<T> gradient = _lossGradient;
        double loss = oracle(parameters, gradient);
        StepLoss = loss;
        StepCore(parameters, gradient, t);
        return loss;
    }

    private void StepWith(Span<T> parameters, ReadOnlySpan<T> gradients, double? loss)
    {
        CheckLength(parameters.Length, nameof(parameters));
        CheckLength(gradients.Length, nameof(gradients));
        if (NeedsLoss)
            throw new InvalidOperationException($"{Name} compares losses at points it chooses; step it with a LossOracle.");
        if (NeedsOracle)
            throw new InvalidOperationException($"{Name} evaluates gradients at look-ahead points; step it with a GradientOracle.");
        StepCount++;
        StepLoss = loss;
        StepCore(parameters, gradients, StepCount);
        AfterStep(loss);
    }

    private void StepWith(Span<T> parameters, GradientOracle<T> oracle, double? loss)
    {
        ArgumentNullException.ThrowIfNull(oracle);
        CheckLength(parameters.Length, nameof(parameters));
        if (NeedsLoss)
            throw new InvalidOperationException($"{Name} compares losses at points it chooses; step it with a LossOracle.");
        StepCount++;
        StepLoss = loss;
        StepCore(parameters, oracle, StepCount);
        AfterStep(loss);
    }

    /// <summary>The loss the caller gave with the step in progress, if any (a wrapper hands it on to the rule it wraps).</summary>
    protected double? StepLoss { get; private set; }

    /// <summary>
    /// The learning rate the next step of parameter group <paramref name="group"/> (in buffer order) uses,
    /// as its schedule has set it (PyTorch's <c>param_group['lr']</c>); null for a rule that keeps no
    /// per-group learning rate. Lets a run record the schedule as the optimizer used it.
    /// </summary>
    public virtual double? CurrentLearningRate(int group = 0) => null;

    /// <summary>
    /// True for a rule whose parameters hold a point other than the one it proposes (Schedule-Free: gradients are
    /// taken at y, the answer is x); <see cref="EvaluationPoint"/> then gives that point.
    /// </summary>
    public virtual bool HasEvaluationPoint => false;

    /// <summary>
    /// Writes into <paramref name="destination"/> the point at which to evaluate the model, given the current
    /// <paramref name="parameters"/>: what a PyTorch loop gets after <c>optimizer.eval()</c>. A copy of the
    /// parameters for every rule but those with <see cref="HasEvaluationPoint"/> (Schedule-Free's x).
    /// </summary>
    public void EvaluationPoint(ReadOnlySpan<T> parameters, Span<T> destination)
    {
        CheckLength(parameters.Length, nameof(parameters));
        CheckLength(destination.Length, nameof(destination));
        EvaluationPointCore(parameters, destination);
    }

    /// <summary>The evaluation point (both spans of <see cref="Length"/> elements); by default the parameters themselves.</summary>
    protected virtual void EvaluationPointCore(ReadOnlySpan<T> parameters, Span<T> destination) => parameters.CopyTo(destination);

    /// <summary>
    /// Advances the schedules given <c>per=epoch</c> once, with the epoch's loss (a training loop calls
    /// it at the end of each epoch, as a PyTorch loop calls <c>scheduler.step()</c> there).
    /// </summary>
    public virtual void StepEpochSchedules(double loss) { }

    /// <summary>Copies state kept outside the buffers (a schedule's counters) into <see cref="Scalars"/> before a save.</summary>
    protected virtual void BeforeSave() { }

    /// <summary>Restores state kept outside the buffers from <see cref="Scalars"/> after a load.</summary>
    protected virtual void AfterLoad() { }

    /// <summary>Runs after every step with its loss, if the caller gave one (advances learning-rate schedules).</summary>
    protected virtual void AfterStep(double? loss) { }

    /// <summary>One step with the gradient at the current parameters; <paramref name="t"/> starts at 1.</summary>
    protected abstract void StepCore(Span<T> parameters, ReadOnlySpan<T> gradients, long t);

    /// <summary>One step with an oracle; by default the gradient at the current point.</summary>
    protected virtual void StepCore(Span<T> parameters, GradientOracle<T> oracle, long t)
    {
        Span<T> g = Scratch(0);
        oracle(parameters, g);
        StepCore(parameters, g, t);
    }

    /// <summary>A reusable work buffer of <see cref="Length"/> elements (look-ahead points, gradients).</summary>
    protected Span<T> Scratch(int index)
    {
        int need = (index + 1) * Length;
        if (_scratch is null || _scratch.Length < need) Array.Resize(ref _scratch, need);
        return _scratch.AsSpan(index * Length, Length);
    }

    /// <summary>Writes the full state (step count, buffers, scalars) in the versioned format of <see cref="OptimizerStateFile"/>.</summary>
    public void SaveState(Stream stream)
    {
        BeforeSave();
        OptimizerStateFile.Write(stream, new OptimizerStateFile.Content<T>(Name, StepCount, Length, _stateNames, _state, Scalars));
    }

    /// <summary>Restores a state written by <see cref="SaveState"/>; the run then continues bit for bit.</summary>
    public void LoadState(Stream stream)
    {
        var content = OptimizerStateFile.Read<T>(stream);
        if (content.Optimizer != Name) throw new InvalidDataException($"State is for optimizer '{content.Optimizer}', not '{Name}'.");
        if (content.Length != Length) throw new InvalidDataException($"State holds {content.Length} parameters, this optimizer {Length}.");
        if (!content.BufferNames.SequenceEqual(_stateNames))
            throw new InvalidDataException($"State buffers [{string.Join(", ", content.BufferNames)}] do not match [{string.Join(", ", _stateNames)}].");
        for (int i = 0; i < _state.Length; i++)
            if (content.Buffers[i].Length != _state[i].Length)
                throw new InvalidDataException($"State buffer '{_stateNames[i]}' holds {content.Buffers[i].Length} values, this optimizer {_state[i].Length}.");
        if (content.Scalars.Length != Scalars.Length) throw new InvalidDataException($"State holds {content.Scalars.Length} scalars, this optimizer {Scalars.Length}.");
        for (int i = 0; i < _state.Length; i++) content.Buffers[i].CopyTo(_state[i], 0);
        content.Scalars.CopyTo(Scalars, 0);
        StepCount = content.StepCount;
        AfterLoad();
    }

    /// <summary>Copies this rule's scalars (after its <see cref="BeforeSave"/>) into <paramref name="into"/>: a wrapper saves the rule it wraps.</summary>
    internal void SaveScalars(Span<double> into)
    {
        BeforeSave();
        Scalars.CopyTo(into);
    }

    /// <summary>Restores this rule's scalars and step count from a wrapper's saved state.</summary>
    internal void LoadScalars(ReadOnlySpan<double> from, long stepCount)
    {
        from.CopyTo(Scalars);
        StepCount = stepCount;
        AfterLoad();
    }

    /// <summary>How many scalars this rule saves.</summary>
    internal int ScalarCount => Scalars.Length;

    private void CheckLength(int n, string name)
    {
        if (n != Length) throw new ArgumentException($"Expected {Length} elements, got {n}.", name);
    }
}
