using System.Globalization;

namespace Descent.Functions.Formulas;

internal enum BinaryOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
}

/// <summary>
/// A node of a parsed formula. <see cref="Position"/> is where its text starts (0-based), kept for
/// messages. The factories fold constant subtrees with <see cref="Scalar"/>, the very operations the
/// compiled code performs, so folding never changes a bit of the result.
/// </summary>
internal abstract record Node(int Position)
{
    /// <summary>Fully parenthesized text: how the parser read the formula.</summary>
    public abstract string Canonical();

    public static Node Number(double value, int position) => new NumberNode(value, position);

    public static Node Negate(Node operand, int position) =>
        operand is NumberNode n ? new NumberNode(-n.Value, position) : new NegateNode(operand, position);

    public static Node Binary(BinaryOp op, Node left, Node right, int position) =>
        left is NumberNode a && right is NumberNode b
            ? new NumberNode(Scalar.Binary(op, a.Value, b.Value), position)
            : new BinaryNode(op, left, right, position);

    public static Node Call(Builtin function, Node[] args, int position) =>
        Array.TrueForAll(args, a => a is NumberNode)
            ? new NumberNode(Scalar.Call(function, args.Select(a => ((NumberNode)a).Value).ToArray()), position)
            : new CallNode(function, args, position);
}

internal sealed record NumberNode(double Value, int Position) : Node(Position)
{
    public override string Canonical()
    {
        string s = Descent.Specs.OptimizerSpec.RoundTrip(Value);
        return Value < 0 || (Value == 0 && double.IsNegative(Value)) ? $"({s})" : s;
    }
}

/// <summary><c>x</c> (index 0) or <c>y</c> (index 1).</summary>
internal sealed record VariableNode(int Index, int Position) : Node(Position)
{
    public override string Canonical() => Index == 0 ? "x" : "y";
}

internal sealed record NegateNode(Node Operand, int Position) : Node(Position)
{
    public override string Canonical() => $"(-{Operand.Canonical()})";
}

internal sealed record BinaryNode(BinaryOp Op, Node Left, Node Right, int Position) : Node(Position)
{
    public override string Canonical()
    {
        char op = Op switch
        {
            BinaryOp.Add => '+',
            BinaryOp.Subtract => '-',
            BinaryOp.Multiply => '*',
            BinaryOp.Divide => '/',
            _ => '^',
        };
        return $"({Left.Canonical()} {op} {Right.Canonical()})";
    }
}

internal sealed record CallNode(Builtin Function, Node[] Args, int Position) : Node(Position)
{
    public override string Canonical() => $"{Builtins.Name(Function)}({string.Join(", ", Args.Select(a => a.Canonical()))})";
}
