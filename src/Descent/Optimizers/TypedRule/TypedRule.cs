using System.Numerics;
using Descent.Kernels;
using Descent.Rules;

namespace Descent.Optimizers;

/// <summary>
/// A rule typed as statements (<see cref="RuleSyntax"/>), compiled to a fused SIMD pass like the built-in kernels
/// (<see cref="RuleKernel{T}"/>). Without <c>grad(...)</c> it steps from the gradient at the parameters; with it,
/// each step first computes every look-ahead point (running the statements before it), asks the oracle for the
/// gradient there, clips it and adds its L2 term as the built-in look-ahead rules do, and then runs the statements.
/// </summary>
public sealed unsafe class TypedRule<T> : GroupedOptimizer<T, TypedRuleOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly RuleProgram _program;
    private readonly RuleKernel<T> _kernel;
    private readonly T[][] _constants;
    private readonly double[] _inputs;
    private readonly nint[] _table;
    private readonly GradientPrologue<T>[] _prologue = new GradientPrologue<T>[1];
    private readonly T[][] _lookAhead;
    private readonly T[] _point, _gradient;

    /// <summary>One group over <paramref name="length"/> parameters.</summary>
    public TypedRule(int length, TypedRuleOptions options) : this(length, Whole(length, options)) { }

    /// <summary>Several groups with their own values; they must share one program.</summary>
    public TypedRule(int length, IReadOnlyList<ParameterGroup<TypedRuleOptions>> groups)
        : base(length, groups, groups.Count > 0 ? groups[0].Options.Program.StateNames : [])
    {
        _program = Groups[0].Options.Program;
        if (Groups.Any(g => !ReferenceEquals(g.Options.Program, _program) && g.Options.Program.Source != _program.Source))
            throw new ArgumentException("Every parameter group of a typed rule runs the same statements.", nameof(groups));
        _kernel = new RuleKernel<T>(_program);
        _constants = [.. Groups.Select(_ => new T[Math.Max(1, _kernel.SlotCount)])];
        _inputs = new double[_kernel.InputCount];
        _table = new nint[_kernel.TableLength];
        _lookAhead = [.. Enumerable.Range(0, _program.LookAheads).Select(_ => new T[length])];
        _point = _program.LookAheads > 0 ? new T[length] : [];
        _gradient = _program.LookAheads > 0 && _program.ReadsGradient ? new T[length] : [];
        for (int j = 0; j < Groups.Count; j++)
            for (int k = 0; k < _program.StateNames.Count; k++)
                if (Groups[j].Options.Values.TryGetValue(_program.StateNames[k], out double start)) Buffer(k, Groups[j]).Fill(C(start));
    }

    /// <inheritdoc/>
    public override bool NeedsOracle => _program.LookAheads > 0;

    /// <summary>The once-per-step values of group <paramref name="index"/> at step <paramref name="t"/>.</summary>
    private T[] Constants(int index, long t)
    {
        var o = Groups[index].Options;
        _inputs[0] = t;
        _inputs[1] = LearningRate(index);
        for (int h = 0; h < _program.Hyperparameters.Count; h++) _inputs[2 + h] = o.Values[_program.Hyperparameters[h]];
        var constants = _constants[index];
        _kernel.Constants(_inputs, constants);
        return constants;
    }

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<TypedRuleOptions> group, Span<T> p, ReadOnlySpan<T> g, long t)
    {
        _prologue[0] = Prologue(index);
        fixed (T* pp = p, gp = g)
        {
            _table[0] = (nint)pp;
            _table[1] = (nint)gp;
            RunPinned(-1, index, group, t, 0);
        }
    }

    /// <inheritdoc/>
    protected override void StepCore(Span<T> parameters, GradientOracle<T> oracle, long t)
    {
        if (!NeedsOracle)
        {
            base.StepCore(parameters, oracle, t);
            return;
        }
        if (_program.ReadsGradient)
        {
            oracle(parameters, _gradient);
            PrepareLookAhead(parameters, _gradient);
        }
        var groups = Groups;
        fixed (T* pp = parameters, gp = _gradient, point = _point)
        {
            _table[0] = (nint)pp;
            _table[1] = (nint)gp;
            _table[_kernel.PointSlot] = (nint)point;
            for (int site = 0; site < _program.LookAheads; site++)
            {
                // Parameters outside every group stay where they are in the look-ahead point.
                parameters.CopyTo(_point);
                for (int j = 0; j < groups.Count; j++) RunPinned(site, j, groups[j], t, 0);
                oracle(_point, _lookAhead[site]);
                PrepareLookAhead(_point, _lookAhead[site]);
            }
            for (int j = 0; j < groups.Count; j++)
            {
                _prologue[0] = Prologue(j, lookAhead: true);
                RunPinned(-1, j, groups[j], t, 0);
            }
        }
    }

    /// <summary>Pins the look-ahead gradients and state buffers one by one (a fixed statement per level), then runs the pass.</summary>
    private void RunPinned(int pass, int index, ParameterGroup<TypedRuleOptions> group, long t, int level)
    {
        int lookAheads = _program.LookAheads;
        if (level < lookAheads)
        {
            fixed (T* q = _lookAhead[level]) { _table[2 + level] = (nint)q; RunPinned(pass, index, group, t, level + 1); }
            return;
        }
        int state = level - lookAheads;
        if (state < _program.StateNames.Count)
        {
            fixed (T* s = Buffer(state)) { _table[_kernel.StateSlot(state)] = (nint)s; RunPinned(pass, index, group, t, level + 1); }
            return;
        }
        // The table holds whole buffers; the pass covers the group's slice.
        var constants = Constants(index, t);
        int offset = group.Offset;
        Span<nint> slice = stackalloc nint[_table.Length];
        for (int k = 0; k < slice.Length; k++) slice[k] = _table[k] == 0 ? 0 : _table[k] + offset * sizeof(T);
        if (pass < 0 && !NeedsOracle)
        {
            // StepGroup pinned the group's own slices of p and g already.
            slice[0] = _table[0];
            slice[1] = _table[1];
        }
        fixed (nint* table = slice)
        fixed (T* c = constants)
        fixed (GradientPrologue<T>* pre = _prologue)
            _kernel.Run(pass, Kernel, (nint)table, (nint)c, (nint)pre, group.Length);
    }
}
