using Descent.Specs;

namespace Descent.Rules;

/// <summary>A node of parsed rule statements; <see cref="Position"/> is where its text starts, for messages.</summary>
internal abstract record RuleNode(int Position);

internal sealed record RuleNumber(double Value, int Position) : RuleNode(Position);

/// <summary>A name read in an expression: <c>p g t lr</c>, a state, a hyperparameter or a constant.</summary>
internal sealed record RuleName(string Name, int Position) : RuleNode(Position);

internal sealed record RuleNegate(RuleNode Operand, int Position) : RuleNode(Position);

/// <summary><c>+ - * / ^</c>.</summary>
internal sealed record RuleBinary(char Op, RuleNode Left, RuleNode Right, int Position) : RuleNode(Position);

/// <summary>A function of <see cref="RuleSyntax.Functions"/>.</summary>
internal sealed record RuleCall(string Function, RuleNode[] Args, int Position) : RuleNode(Position);

/// <summary><c>if(a &gt; b, x, y)</c>: <c>x</c> where the comparison holds, else <c>y</c> (NaN compares false).</summary>
internal sealed record RuleIf(ExpressionTokenKind Comparison, RuleNode Left, RuleNode Right, RuleNode Then, RuleNode Else, int Position) : RuleNode(Position);

/// <summary><c>grad(point)</c>, the <see cref="Index"/>-th look-ahead gradient of the rule in reading order.</summary>
internal sealed record RuleGrad(RuleNode Point, int Index, int Position) : RuleNode(Position);

/// <summary><c>name = value</c>.</summary>
internal sealed record RuleStatement(string Target, int Position, RuleNode Value);
