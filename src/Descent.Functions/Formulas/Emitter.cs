using System.Linq.Expressions;
using System.Reflection;

namespace Descent.Functions.Formulas;

/// <summary>
/// Turns a parsed formula into <see cref="System.Linq.Expressions"/> lambdas: the value alone, and the
/// value with its gradient by forward-mode automatic differentiation with two tangents (∂/∂x, ∂/∂y).
/// A tangent is <c>null</c> where it is known to be zero, so constants and the variable a subtree does
/// not mention cost nothing; a factor shared by both tangents is computed once.
/// Every node's value is computed by the same operations in both lambdas, so they agree bit for bit.
/// </summary>
internal sealed class Emitter
{
    private static readonly Expression Zero = Expression.Constant(0.0);
    private static readonly Expression One = Expression.Constant(1.0);
    private static readonly Expression Half = Expression.Constant(0.5);

    private readonly ParameterExpression _x = Expression.Parameter(typeof(double), "x");
    private readonly ParameterExpression _y = Expression.Parameter(typeof(double), "y");
    private readonly bool _gradient;
    private readonly List<ParameterExpression> _locals = [];
    private readonly List<Expression> _body = [];

    private Emitter(bool gradient) => _gradient = gradient;

    public static ValueFunction CompileValue(Node root)
    {
        var e = new Emitter(gradient: false);
        e._body.Add(e.Emit(root).Value);
        var block = Expression.Block(typeof(double), e._locals, e._body);
        return Expression.Lambda<ValueFunction>(block, "formula_value", [e._x, e._y]).Compile();
    }

    public static ValueGradientFunction CompileValueAndGradient(Node root)
    {
        var e = new Emitter(gradient: true);
        var dx = Expression.Parameter(typeof(double).MakeByRefType(), "dx");
        var dy = Expression.Parameter(typeof(double).MakeByRefType(), "dy");
        Dual r = e.Emit(root);
        e._body.Add(Expression.Assign(dx, r.Dx ?? Zero));
        e._body.Add(Expression.Assign(dy, r.Dy ?? Zero));
        e._body.Add(r.Value);
        var block = Expression.Block(typeof(double), e._locals, e._body);
        return Expression.Lambda<ValueGradientFunction>(block, "formula_value_gradient", [e._x, e._y, dx, dy]).Compile();
    }

    /// <summary>A value with its two tangents; a null tangent is zero.</summary>
    private readonly record struct Dual(Expression Value, Expression? Dx = null, Expression? Dy = null);

    private Dual Emit(Node node)
    {
        switch (node)
        {
            case NumberNode n:
                return new Dual(Expression.Constant(n.Value));
            case VariableNode v:
                return v.Index == 0 ? new Dual(_x, One, null) : new Dual(_y, null, One);
            case NegateNode n:
            {
                Dual u = Emit(n.Operand);
                return Result(Expression.Negate(u.Value), Neg(u.Dx), Neg(u.Dy));
            }
            case BinaryNode b:
                return EmitBinary(b);
            case CallNode c:
                return EmitCall(c);
            default:
                throw new InvalidOperationException($"Unknown node {node.GetType().Name}.");
        }
    }

    private Dual EmitBinary(BinaryNode b)
    {
        if (b.Op == BinaryOp.Power)
            return EmitPower(b);
        Dual u = Emit(b.Left);
        Dual v = Emit(b.Right);
        switch (b.Op)
        {
            case BinaryOp.Add:
                return Result(Expression.Add(u.Value, v.Value), Add(u.Dx, v.Dx), Add(u.Dy, v.Dy));
            case BinaryOp.Subtract:
                return Result(Expression.Subtract(u.Value, v.Value), Sub(u.Dx, v.Dx), Sub(u.Dy, v.Dy));
            case BinaryOp.Multiply:
                // d(uv) = du·v + u·dv
                return Result(Expression.Multiply(u.Value, v.Value),
                    Add(Mul(u.Dx, v.Value), Mul(u.Value, v.Dx)), Add(Mul(u.Dy, v.Value), Mul(u.Value, v.Dy)));
            default:
            {
                // r = u/v; dr = du/v − dv·(r/v), PyTorch's −grad·((self/other)/other) for the divisor.
                Expression r = Share(Expression.Divide(u.Value, v.Value));
                if (!_gradient) return new Dual(r);
                Expression? rv = v.Dx is null && v.Dy is null ? null : Share(Expression.Divide(r, v.Value));
                return new Dual(r,
                    Sub(Div(u.Dx, v.Value), Mul(v.Dx, rv)),
                    Sub(Div(u.Dy, v.Value), Mul(v.Dy, rv)));
            }
        }
    }

    private Dual EmitPower(BinaryNode b)
    {
        Dual u = Emit(b.Left);
        if (b.Right is NumberNode exponent)
        {
            // d(uⁿ) = n·uⁿ⁻¹·du, zero for n = 0 (PyTorch's pow_backward).
            double n = exponent.Value;
            Expression r = Result(Power(u.Value, n)).Value;
            if (!_gradient || n == 0 || (u.Dx is null && u.Dy is null)) return new Dual(r);
            Expression factor = Share(Expression.Multiply(Expression.Constant(n), n - 1 == 1 ? u.Value : Power(u.Value, n - 1)));
            return new Dual(r, Mul(factor, u.Dx), Mul(factor, u.Dy));
        }

        Dual v = Emit(b.Right);
        Expression result = Result(Expression.Call(PowMethod, u.Value, v.Value)).Value;
        if (!_gradient) return new Dual(result);

        // d(u^v) = v·u^(v−1)·du (zero where v = 0) + u^v·ln(u)·dv (zero where u = 0 and v ≥ 0),
        // PyTorch's pow_backward_self and pow_backward_exponent.
        Expression? baseFactor = null;
        Expression? baseZero = null;
        if (u.Dx is not null || u.Dy is not null)
        {
            baseFactor = Share(Expression.Multiply(v.Value,
                Expression.Call(PowMethod, u.Value, Expression.Subtract(v.Value, One))));
            baseZero = Share(Expression.Equal(v.Value, Zero));
        }
        Expression? exponentFactor = null;
        Expression? exponentZero = null;
        if (v.Dx is not null || v.Dy is not null)
        {
            if (b.Left is NumberNode a)
            {
                exponentFactor = Share(Expression.Multiply(result, Expression.Constant(Math.Log(a.Value))));
                exponentZero = a.Value == 0 ? Share(Expression.GreaterThanOrEqual(v.Value, Zero)) : null;
            }
            else
            {
                exponentFactor = Share(Expression.Multiply(result, Expression.Call(LogMethod, u.Value)));
                exponentZero = Share(Expression.AndAlso(Expression.Equal(u.Value, Zero), Expression.GreaterThanOrEqual(v.Value, Zero)));
            }
        }
        return new Dual(result,
            Add(Masked(baseZero, Mul(baseFactor, u.Dx)), Masked(exponentZero, Mul(exponentFactor, v.Dx))),
            Add(Masked(baseZero, Mul(baseFactor, u.Dy)), Masked(exponentZero, Mul(exponentFactor, v.Dy))));
    }

    private Dual EmitCall(CallNode c)
    {
        Dual u = Emit(c.Args[0]);
        if (c.Function is Builtin.Min or Builtin.Max)
            return EmitMinMax(c.Function == Builtin.Max, u, Emit(c.Args[1]));

        Expression r = Share(Expression.Call(MathMethods[(int)c.Function], u.Value));
        if (!_gradient || (u.Dx is null && u.Dy is null)) return new Dual(r);

        // Each rule is PyTorch's backward formula, the factor that multiplies the incoming tangent.
        Expression Factor() => c.Function switch
        {
            Builtin.Abs => Expression.Call(SignMethod, u.Value),
            Builtin.Exp => r,
            Builtin.Sin => Expression.Call(MathMethods[(int)Builtin.Cos], u.Value),
            Builtin.Cos => Expression.Negate(Expression.Call(MathMethods[(int)Builtin.Sin], u.Value)),
            Builtin.Tan => Expression.Add(One, Expression.Multiply(r, r)),
            Builtin.Tanh => Expression.Subtract(One, Expression.Multiply(r, r)),
            Builtin.Sinh => Expression.Call(MathMethods[(int)Builtin.Cosh], u.Value),
            Builtin.Cosh => Expression.Call(MathMethods[(int)Builtin.Sinh], u.Value),
            _ => throw new InvalidOperationException(),
        };

        switch (c.Function)
        {
            case Builtin.Sqrt:
            {
                // grad / (2·result): +∞ at 0, as PyTorch.
                Expression twice = Share(Expression.Multiply(Expression.Constant(2.0), r));
                return new Dual(r, Div(u.Dx, twice), Div(u.Dy, twice));
            }
            case Builtin.Log:
                return new Dual(r, Div(u.Dx, u.Value), Div(u.Dy, u.Value));
            case Builtin.Atan:
            {
                Expression denominator = Share(Expression.Add(Expression.Multiply(u.Value, u.Value), One));
                return new Dual(r, Div(u.Dx, denominator), Div(u.Dy, denominator));
            }
            default:
            {
                Expression factor = Share(Factor());
                return new Dual(r, Mul(factor, u.Dx), Mul(factor, u.Dy));
            }
        }
    }

    /// <summary>
    /// PyTorch's <c>maximum</c>/<c>minimum</c>: the winner's tangent, and half of each on a tie.
    /// </summary>
    private Dual EmitMinMax(bool max, Dual a, Dual b)
    {
        Expression r = Share(Expression.Call(max ? MaxMethod : MinMethod, a.Value, b.Value));
        if (!_gradient) return new Dual(r);
        Expression aWins = Share(max ? Expression.GreaterThan(a.Value, b.Value) : Expression.LessThan(a.Value, b.Value));
        Expression bWins = Share(max ? Expression.LessThan(a.Value, b.Value) : Expression.GreaterThan(a.Value, b.Value));
        // Each tangent appears twice below (the winner's, and in the tie's half-sum): shared, not copied.
        Expression? Select(Expression? da, Expression? db)
        {
            if (da is null && db is null) return null;
            da = ShareTangent(da);
            db = ShareTangent(db);
            return Expression.Condition(aWins, da ?? Zero,
                Expression.Condition(bWins, db ?? Zero, Expression.Multiply(Add(da, db)!, Half)));
        }
        return new Dual(r, Select(a.Dx, b.Dx), Select(a.Dy, b.Dy));
    }

    private static Expression Power(Expression u, double n) => n switch
    {
        2 => Expression.Multiply(u, u),
        3 => Expression.Multiply(Expression.Multiply(u, u), u),
        0.5 => Expression.Call(MathMethods[(int)Builtin.Sqrt], u),
        -0.5 => Expression.Divide(One, Expression.Call(MathMethods[(int)Builtin.Sqrt], u)),
        -1 => Expression.Divide(One, u),
        -2 => Expression.Divide(One, Expression.Multiply(u, u)),
        _ => Expression.Call(PowMethod, u, Expression.Constant(n)),
    };

    /// <summary>Stores a node's value in a local, so the tangents and the parent can reuse it.</summary>
    private Dual Result(Expression value, Expression? dx = null, Expression? dy = null) => new(Share(value), dx, dy);

    private Expression? ShareTangent(Expression? e) => e is null ? null : Share(e);

    /// <summary>
    /// Computes <paramref name="e"/> once into a local and returns the local. Every node's value goes
    /// through here, in both lambdas: an expression used twice (u·u for u², a tangent in both branches of
    /// min/max) would otherwise be compiled twice, and nested, 2^depth times — ((x^2)^2)^2… with 20 levels
    /// took seconds to compile, with 100 forever.
    /// </summary>
    private Expression Share(Expression e)
    {
        if (e is ConstantExpression or ParameterExpression) return e;
        var local = Expression.Variable(e.Type);
        _locals.Add(local);
        _body.Add(Expression.Assign(local, e));
        return local;
    }

    private static Expression? Masked(Expression? isZero, Expression? term) =>
        term is null ? null : isZero is null ? term : Expression.Condition(isZero, Zero, term);

    private static Expression? Neg(Expression? a) => a switch
    {
        null => null,
        ConstantExpression c => Expression.Constant(-(double)c.Value!),
        _ => Expression.Negate(a),
    };

    private static Expression? Add(Expression? a, Expression? b) =>
        a is null ? b : b is null ? a : Expression.Add(a, b);

    private static Expression? Sub(Expression? a, Expression? b) =>
        b is null ? a : a is null ? Neg(b) : Expression.Subtract(a, b);

    /// <summary>a·b, null if either is zero; multiplying by the constant 1 is skipped (exact anyway).</summary>
    private static Expression? Mul(Expression? a, Expression? b)
    {
        if (a is null || b is null) return null;
        if (IsOne(a)) return b;
        if (IsOne(b)) return a;
        if (a is ConstantExpression ca && b is ConstantExpression cb) return Expression.Constant((double)ca.Value! * (double)cb.Value!);
        return Expression.Multiply(a, b);
    }

    private static Expression? Div(Expression? a, Expression b) =>
        a is null ? null : a is ConstantExpression ca && b is ConstantExpression cb
            ? Expression.Constant((double)ca.Value! / (double)cb.Value!)
            : Expression.Divide(a, b);

    private static bool IsOne(Expression e) => e is ConstantExpression { Value: 1.0 };

    private static readonly MethodInfo PowMethod = typeof(Math).GetMethod(nameof(Math.Pow), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo LogMethod = typeof(Math).GetMethod(nameof(Math.Log), [typeof(double)])!;
    private static readonly MethodInfo MinMethod = typeof(Math).GetMethod(nameof(Math.Min), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo MaxMethod = typeof(Math).GetMethod(nameof(Math.Max), [typeof(double), typeof(double)])!;
    private static readonly MethodInfo SignMethod = typeof(Scalar).GetMethod(nameof(Scalar.Sign))!;

    /// <summary>The one-argument <see cref="Math"/> method of each <see cref="Builtin"/>, by index.</summary>
    private static readonly MethodInfo[] MathMethods = Builtins.Names
        .Select(name => name is "min" or "max"
            ? MinMethod
            : typeof(Math).GetMethod(char.ToUpperInvariant(name[0]) + name[1..], [typeof(double)])!)
        .ToArray();
}
