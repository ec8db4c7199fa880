namespace Descent.Functions;

/// <summary>
/// A function could not be made from the user's text: a formula that does not parse
/// (<see cref="FormulaException"/>) or a name that is not in the catalog
/// (<see cref="UnknownFunctionException"/>). The message is one line, fit for a command-line error.
/// </summary>
public abstract class FunctionException : Exception
{
    /// <summary>An error with a one-line message.</summary>
    protected FunctionException(string message) : base(message) { }
}
