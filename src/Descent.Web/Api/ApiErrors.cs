using Descent.Functions;
using Descent.Lab;
using Descent.Specs;

namespace Descent.Web.Api;

/// <summary>
/// Turns bad-input exceptions into <see cref="ApiError"/>s with the same message text the CLI prints for
/// them (<c>CliRunner.Describe</c>), plus the formula's caret position when there is one.
/// </summary>
public static class ApiErrors
{
    /// <summary>The error for <paramref name="e"/>, or null when it is not about the input (a real failure).</summary>
    public static ApiError? Describe(Exception e) => e switch
    {
        ApiInputException a => Make(a.Argument, a.Message, a.Index, a),
        LabInputException l => Make(l.Argument, l.Message, null, l),
        SpecException s => Make("optimizer", s.Message, null, s),
        FunctionException f => Make("function", f.Message, null, f),
        _ => null,
    };

    private static ApiError Make(string? argument, string message, int? index, Exception e)
    {
        var formula = FindFormulaError(e);
        return new ApiError
        {
            Argument = argument,
            // The CLI's first line for a formula: the reason and the column, counted from 1; the caret display follows.
            Message = formula is null ? OneLine(message) : $"{formula.Reason} (column {formula.Position + 1})",
            Index = index,
            Position = formula?.Position,
            Display = formula?.Display,
        };
    }

    private static FormulaException? FindFormulaError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is FormulaException f) return f;
        return null;
    }

    /// <summary>Joins a message onto one line, as the CLI does.</summary>
    public static string OneLine(string message) =>
        string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
