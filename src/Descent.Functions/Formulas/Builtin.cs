namespace Descent.Functions.Formulas;

/// <summary>The functions a formula may call. The order is the order of <see cref="Builtins.Names"/>.</summary>
internal enum Builtin
{
    Abs,
    Sqrt,
    Exp,
    Log,
    Sin,
    Cos,
    Tan,
    Tanh,
    Sinh,
    Cosh,
    Atan,
    Min,
    Max,
}

internal static class Builtins
{
    public static readonly string[] Names = ["abs", "sqrt", "exp", "log", "sin", "cos", "tan", "tanh", "sinh", "cosh", "atan", "min", "max"];

    public static int Arity(Builtin f) => f is Builtin.Min or Builtin.Max ? 2 : 1;

    public static string Name(Builtin f) => Names[(int)f];

    public static bool TryParse(string name, out Builtin f)
    {
        int i = Array.IndexOf(Names, name);
        f = (Builtin)Math.Max(i, 0);
        return i >= 0;
    }
}
