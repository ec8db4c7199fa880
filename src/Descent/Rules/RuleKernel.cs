using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Numerics;
using Descent.Kernels;

namespace Descent.Rules;

/// <summary>One compiled pass of a rule over elements <c>[start, end)</c>; the pointers are laid out as <see cref="RuleKernel{T}"/> describes.</summary>
internal delegate void RuleRange(nint table, nint constants, nint prologue, long start, long end);

/// <summary>
/// A <see cref="RuleProgram"/> compiled for precision <typeparamref name="T"/>. The parts of the statements that
/// depend only on <c>t</c>, <c>lr</c>, hyperparameters and numbers ("slots": bias corrections, <c>1−β</c>) are
/// evaluated once per step in double and rounded to <typeparamref name="T"/>, as the built-in rules compute theirs;
/// the rest becomes a loop built with <see cref="System.Linq.Expressions"/> and compiled by the JIT: a body on
/// SIMD registers, then the same body on single lanes for the tail, each operation one of
/// <see cref="ILanes{TSelf, T}"/>'s, so every width gives the same bits.
/// </summary>
/// <remarks>
/// The pointer table a pass reads: <c>[0]</c> parameters, <c>[1]</c> gradient, <c>[2, 2+L)</c> the look-ahead
/// gradients, then the state buffers, then the look-ahead point a point pass writes. Pass <c>-1</c> is the step
/// itself (prologue, statements, state and parameters stored); pass <c>j ≥ 0</c> runs the statements before the
/// <c>j</c>-th <c>grad(...)</c> and writes its point.
/// </remarks>
internal sealed unsafe class RuleKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly ConcurrentDictionary<(string Key, Type Lane, int Pass), RuleRange> Compiled = new();
    private static readonly VectorWidth[] Widths = [VectorWidth.Scalar, VectorWidth.V128, VectorWidth.V256, VectorWidth.V512];

    private readonly RuleProgram _program;
    private readonly string _key;
    private readonly List<RuleNode> _slots = [];
    private readonly Dictionary<RuleNode, int> _slotOf = new(ReferenceEqualityComparer.Instance);
    private readonly List<(int Statement, RuleGrad Grad)> _sites = [];
    private readonly Dictionary<string, int> _inputOf = [];
    private readonly RuleRange?[,] _passes;

    public RuleKernel(RuleProgram program)
    {
        _program = program;
        _key = $"{program.Source}\n{string.Join(",", program.StateNames)}\n{string.Join(",", program.Hyperparameters)}";
        _inputOf["t"] = 0;
        _inputOf["lr"] = 1;
        for (int h = 0; h < program.Hyperparameters.Count; h++) _inputOf[program.Hyperparameters[h]] = 2 + h;
        var statements = program.Statements;
        for (int s = 0; s < statements.Count; s++) Plan(statements[s].Value, s);
        _sites.Sort((a, b) => a.Grad.Index.CompareTo(b.Grad.Index));
        _passes = new RuleRange?[Widths.Length, program.LookAheads + 1];
    }

    /// <summary>Values computed once per step.</summary>
    public int SlotCount => _slots.Count;

    /// <summary>Inputs of <see cref="Constants"/>: <c>t</c>, <c>lr</c>, then the hyperparameters in <see cref="RuleProgram.Hyperparameters"/> order.</summary>
    public int InputCount => 2 + _program.Hyperparameters.Count;

    public int TableLength => 3 + _program.LookAheads + _program.StateNames.Count;

    public int StateSlot(int state) => 2 + _program.LookAheads + state;

    public int PointSlot => TableLength - 1;

    private bool IsUniform(RuleNode node) => node switch
    {
        RuleNumber => true,
        RuleName n => _inputOf.ContainsKey(n.Name) || (RuleSyntax.Constants.Contains(n.Name) && !_program.IsState(n.Name)),
        RuleNegate n => IsUniform(n.Operand),
        RuleBinary b => IsUniform(b.Left) && IsUniform(b.Right),
        RuleCall c => Array.TrueForAll(c.Args, IsUniform),
        RuleIf f => IsUniform(f.Left) && IsUniform(f.Right) && IsUniform(f.Then) && IsUniform(f.Else),
        _ => false,
    };

    private void Plan(RuleNode node, int statement)
    {
        if (IsUniform(node))
        {
            _slotOf[node] = _slots.Count;
            _slots.Add(node);
            return;
        }
        switch (node)
        {
            case RuleNegate n: Plan(n.Operand, statement); break;
            case RuleBinary b:
                Plan(b.Left, statement);
                Plan(b.Right, statement);
                break;
            case RuleCall c: foreach (var a in c.Args) Plan(a, statement); break;
            case RuleIf f:
                Plan(f.Left, statement);
                Plan(f.Right, statement);
                Plan(f.Then, statement);
                Plan(f.Else, statement);
                break;
            case RuleGrad g:
                _sites.Add((statement, g));
                Plan(g.Point, statement);
                break;
        }
    }

    /// <summary>Evaluates the slots for one step into <paramref name="constants"/>; <paramref name="inputs"/> as <see cref="InputCount"/> describes.</summary>
    public void Constants(ReadOnlySpan<double> inputs, Span<T> constants)
    {
        for (int k = 0; k < _slots.Count; k++) constants[k] = T.CreateTruncating(Evaluate(_slots[k], inputs));
    }

    private double Evaluate(RuleNode node, ReadOnlySpan<double> inputs)
    {
        switch (node)
        {
            case RuleNumber n: return n.Value;
            case RuleName n:
                return _inputOf.TryGetValue(n.Name, out int i) ? inputs[i] : n.Name == "pi" ? Math.PI : Math.E;
            case RuleNegate n: return -Evaluate(n.Operand, inputs);
            case RuleBinary b:
            {
                double x = Evaluate(b.Left, inputs);
                if (b.Op == '^')
                {
                    // The powers the element loop computes without pow: the once-per-step part computes them the same way.
                    if (b.Right is RuleNumber { Value: 2 }) return x * x;
                    if (b.Right is RuleNumber { Value: 0.5 }) return Math.Sqrt(x);
                    if (b.Right is RuleNumber { Value: 1 }) return x;
                    return Math.Pow(x, Evaluate(b.Right, inputs));
                }
                double y = Evaluate(b.Right, inputs);
                return b.Op switch { '+' => x + y, '-' => x - y, '*' => x * y, _ => x / y };
            }
            case RuleCall c:
            {
                double a = Evaluate(c.Args[0], inputs);
                return c.Function switch
                {
                    "abs" => Math.Abs(a),
                    "sqrt" => Math.Sqrt(a),
                    "min" => double.Min(a, Evaluate(c.Args[1], inputs)),
                    "max" => double.Max(a, Evaluate(c.Args[1], inputs)),
                    "clip" => double.Min(double.Max(a, Evaluate(c.Args[1], inputs)), Evaluate(c.Args[2], inputs)),
                    "fma" => Math.FusedMultiplyAdd(a, Evaluate(c.Args[1], inputs), Evaluate(c.Args[2], inputs)),
                    "sign" => RuleScalar.Sign(a),
                    _ => RuleScalar.Apply(RuleScalar.Mapped[c.Function], a),
                };
            }
            case RuleIf f:
                return RuleScalar.Compare(RuleScalar.ComparisonOf(f.Comparison), Evaluate(f.Left, inputs), Evaluate(f.Right, inputs))
                    ? Evaluate(f.Then, inputs) : Evaluate(f.Else, inputs);
            default:
                throw new InvalidOperationException("A look-ahead gradient is never part of the once-per-step values.");
        }
    }

    /// <summary>Runs pass <paramref name="pass"/> over <paramref name="length"/> elements at the width and threads of <paramref name="settings"/>.</summary>
    public void Run(int pass, KernelSettings settings, nint table, nint constants, nint prologue, int length)
    {
        var width = settings.Effective;
        int w = Array.IndexOf(Widths, width);
        var kernel = _passes[w, pass + 1] ??= Compile(width, pass);
        UpdateLoop.RunRange(settings, new Body(kernel, table, constants, prologue), length);
    }

    private readonly struct Body(RuleRange kernel, nint table, nint constants, nint prologue) : IRangeBody
    {
        public void Run(nint start, nint end) => kernel(table, constants, prologue, start, end);
    }

    private RuleRange Compile(VectorWidth width, int pass)
    {
        Type lane = width switch
        {
            VectorWidth.V512 => typeof(Lanes512<T>),
            VectorWidth.V256 => typeof(Lanes256<T>),
            VectorWidth.V128 => typeof(Lanes128<T>),
            _ => typeof(Lane<T>),
        };
        return Compiled.GetOrAdd((_key, lane, pass), _ => Build(lane, pass));
    }

    private RuleRange Build(Type vectorLane, int pass)
    {
        var table = Expression.Parameter(typeof(nint), "table");
        var constants = Expression.Parameter(typeof(nint), "constants");
        var prologue = Expression.Parameter(typeof(nint), "prologue");
        var start = Expression.Parameter(typeof(long), "start");
        var end = Expression.Parameter(typeof(long), "end");
        var i = Expression.Variable(typeof(long), "i");
        var pointers = new ParameterExpression[TableLength];
        var prelude = new List<Expression>();
        var locals = new List<ParameterExpression> { i };
        var anyOps = typeof(RuleOps<,>).MakeGenericType(typeof(T), vectorLane);
        for (int k = 0; k < pointers.Length; k++)
        {
            pointers[k] = Expression.Variable(typeof(nint), $"ptr{k}");
            locals.Add(pointers[k]);
            prelude.Add(Expression.Assign(pointers[k], Expression.Call(anyOps.GetMethod(nameof(RuleOps<T, Lane<T>>.Pointer))!, table, Expression.Constant(k))));
        }
        ParameterExpression? pre = null;
        if (pass < 0)
        {
            pre = Expression.Variable(typeof(GradientPrologue<T>), "pre");
            locals.Add(pre);
            prelude.Add(Expression.Assign(pre, Expression.Call(anyOps.GetMethod(nameof(RuleOps<T, Lane<T>>.Prologue))!, prologue)));
        }
        var vector = new Emitter(this, vectorLane, pointers, constants, i, pre, pass, locals, prelude);
        var scalar = new Emitter(this, typeof(Lane<T>), pointers, constants, i, pre, pass, locals, prelude);
        int count = (int)vectorLane.GetProperty(nameof(Lane<T>.Count))!.GetValue(null)!;

        var vectorDone = Expression.Label("vector_done");
        var scalarDone = Expression.Label("scalar_done");
        var body = new List<Expression>(prelude)
        {
            Expression.Assign(i, start),
            Expression.Loop(Expression.IfThenElse(
                Expression.GreaterThan(i, Expression.Subtract(end, Expression.Constant((long)count))),
                Expression.Break(vectorDone),
                Expression.Block(vector.Element(), Expression.AddAssign(i, Expression.Constant((long)count)))), vectorDone),
            Expression.Loop(Expression.IfThenElse(
                Expression.GreaterThanOrEqual(i, end),
                Expression.Break(scalarDone),
                Expression.Block(scalar.Element(), Expression.AddAssign(i, Expression.Constant(1L)))), scalarDone),
        };
        var lambda = Expression.Lambda<RuleRange>(Expression.Block(typeof(void), locals, body), pass < 0 ? "rule_step" : $"rule_point_{pass}",
            [table, constants, prologue, start, end]);
        return lambda.Compile();
    }

    /// <summary>Builds one element's work (a register of lanes, or one lane) for a pass.</summary>
    private sealed class Emitter
    {
        private readonly RuleKernel<T> _kernel;
        private readonly Type _lane, _ops;
        private readonly ParameterExpression[] _pointers;
        private readonly ParameterExpression _i;
        private readonly ParameterExpression? _pre;
        private readonly int _pass;
        private readonly ParameterExpression[] _slots, _scalars;
        private ParameterExpression _p = null!, _g = null!;
        private ParameterExpression[] _states = [];

        public Emitter(RuleKernel<T> kernel, Type lane, ParameterExpression[] pointers, ParameterExpression constants, ParameterExpression i,
            ParameterExpression? pre, int pass, List<ParameterExpression> locals, List<Expression> prelude)
        {
            _kernel = kernel;
            _lane = lane;
            _ops = typeof(RuleOps<,>).MakeGenericType(typeof(T), lane);
            _pointers = pointers;
            _i = i;
            _pre = pre;
            _pass = pass;
            // Every slot broadcast once before the loop; the scalar form too, for pow's exponent.
            _slots = new ParameterExpression[kernel.SlotCount];
            _scalars = new ParameterExpression[kernel.SlotCount];
            for (int k = 0; k < _slots.Length; k++)
            {
                _slots[k] = Expression.Variable(lane, $"c{k}");
                _scalars[k] = Expression.Variable(typeof(T), $"s{k}");
                locals.Add(_slots[k]);
                locals.Add(_scalars[k]);
                prelude.Add(Expression.Assign(_scalars[k], Call(nameof(RuleOps<T, Lane<T>>.Scalar), constants, Expression.Constant(k))));
                prelude.Add(Expression.Assign(_slots[k], Call(nameof(RuleOps<T, Lane<T>>.Constant), constants, Expression.Constant(k))));
            }
        }

        private MethodCallExpression Call(string name, params Expression[] args) => Expression.Call(_ops.GetMethod(name)!, args);

        private Expression Load(int slot) => Call(nameof(RuleOps<T, Lane<T>>.Load), _pointers[slot], _i);

        private Expression Store(Expression value, int slot) => Call(nameof(RuleOps<T, Lane<T>>.Store), value, _pointers[slot], _i);

        public Expression Element()
        {
            var program = _kernel._program;
            var statements = program.Statements;
            _p = Expression.Variable(_lane, "p");
            _g = Expression.Variable(_lane, "g");
            _states = [.. program.StateNames.Select(s => Expression.Variable(_lane, s))];
            var block = new List<Expression>
            {
                Expression.Assign(_p, Load(0)),
                Expression.Assign(_g, program.ReadsGradient || program.LookAheads == 0 ? Load(1) : Call(nameof(RuleOps<T, Lane<T>>.Zero))),
            };
            for (int k = 0; k < _states.Length; k++) block.Add(Expression.Assign(_states[k], Load(_kernel.StateSlot(k))));
            if (_pass < 0)
            {
                block.Add(Call(nameof(RuleOps<T, Lane<T>>.Apply), _pre!, _p, _g));
                foreach (var s in statements) block.Add(Assign(s));
                for (int k = 0; k < _states.Length; k++) block.Add(Store(_states[k], _kernel.StateSlot(k)));
                block.Add(Store(_p, 0));
            }
            else
            {
                var (statement, grad) = _kernel._sites[_pass];
                for (int s = 0; s < statement; s++) block.Add(Assign(statements[s]));
                block.Add(Store(Emit(grad.Point), _kernel.PointSlot));
            }
            return Expression.Block(typeof(void), [_p, _g, .. _states], block);
        }

        private Expression Assign(RuleStatement s) =>
            Expression.Assign(s.Target == "p" ? _p : _states[_kernel._program.StateIndex(s.Target)], Emit(s.Value));

        private Expression Emit(RuleNode node)
        {
            if (_kernel._slotOf.TryGetValue(node, out int slot)) return _slots[slot];
            switch (node)
            {
                case RuleName n:
                    return n.Name switch
                    {
                        "p" => _p,
                        "g" => _g,
                        _ => _states[_kernel._program.StateIndex(n.Name)],
                    };
                case RuleNegate n:
                    return Call(nameof(RuleOps<T, Lane<T>>.Negate), Emit(n.Operand));
                case RuleBinary b when b.Op == '^':
                    return Power(b);
                case RuleBinary b:
                    return Call(b.Op switch
                    {
                        '+' => nameof(RuleOps<T, Lane<T>>.Add),
                        '-' => nameof(RuleOps<T, Lane<T>>.Subtract),
                        '*' => nameof(RuleOps<T, Lane<T>>.Multiply),
                        _ => nameof(RuleOps<T, Lane<T>>.Divide),
                    }, Emit(b.Left), Emit(b.Right));
                case RuleCall c:
                    return c.Function switch
                    {
                        "abs" => Call(nameof(RuleOps<T, Lane<T>>.Abs), Emit(c.Args[0])),
                        "sqrt" => Call(nameof(RuleOps<T, Lane<T>>.Sqrt), Emit(c.Args[0])),
                        "min" => Call(nameof(RuleOps<T, Lane<T>>.Min), Emit(c.Args[0]), Emit(c.Args[1])),
                        "max" => Call(nameof(RuleOps<T, Lane<T>>.Max), Emit(c.Args[0]), Emit(c.Args[1])),
                        "clip" => Call(nameof(RuleOps<T, Lane<T>>.Min), Call(nameof(RuleOps<T, Lane<T>>.Max), Emit(c.Args[0]), Emit(c.Args[1])), Emit(c.Args[2])),
                        "fma" => Call(nameof(RuleOps<T, Lane<T>>.Fma), Emit(c.Args[0]), Emit(c.Args[1]), Emit(c.Args[2])),
                        "sign" => Call(nameof(RuleOps<T, Lane<T>>.Sign), Emit(c.Args[0])),
                        _ => Call(nameof(RuleOps<T, Lane<T>>.Map), Emit(c.Args[0]), Expression.Constant(RuleScalar.Mapped[c.Function])),
                    };
                case RuleIf f:
                    return Call(nameof(RuleOps<T, Lane<T>>.Select), Expression.Constant(RuleScalar.ComparisonOf(f.Comparison)),
                        Emit(f.Left), Emit(f.Right), Emit(f.Then), Emit(f.Else));
                case RuleGrad g:
                    return Load(2 + g.Index);
                default:
                    throw new InvalidOperationException($"Unexpected {node.GetType().Name} outside the once-per-step values.");
            }
        }

        private Expression Power(RuleBinary b)
        {
            var x = Emit(b.Left);
            switch (b.Right)
            {
                case RuleNumber { Value: 2 }:
                {
                    var square = Expression.Variable(_lane, "square");
                    return Expression.Block(_lane, [square], Expression.Assign(square, x), Call(nameof(RuleOps<T, Lane<T>>.Multiply), square, square));
                }
                case RuleNumber { Value: 0.5 }:
                    return Call(nameof(RuleOps<T, Lane<T>>.Sqrt), x);
                case RuleNumber { Value: 1 }:
                    return x;
            }
            return _kernel._slotOf.TryGetValue(b.Right, out int slot)
                ? Call(nameof(RuleOps<T, Lane<T>>.PowScalar), x, _scalars[slot])
                : Call(nameof(RuleOps<T, Lane<T>>.Pow), x, Emit(b.Right));
        }
    }
}
