using Descent.Functions;
using Descent.Lab;

namespace Descent.Web.Api;

/// <summary>Turns <c>function</c> text into an objective with the messages <c>descent trajectory --function</c> gives.</summary>
public static class FunctionResolver
{
    /// <summary>The built-in function or the formula <paramref name="text"/> names.</summary>
    /// <exception cref="LabInputException"><c>function</c>: empty, unknown, or a formula that does not parse (the <see cref="FormulaException"/> inside).</exception>
    public static Objective Resolve(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new LabInputException("function", $"No function given; write a name ({string.Join(", ", FunctionCatalog.All.Select(e => e.Name))}) or a formula in x and y, e.g. \"x^2 + 3*y^2\".");
        try { return FunctionCatalog.Resolve(text); }
        catch (FunctionException e) { throw new LabInputException("function", e.Message, e); }
    }
}
