using Descent.Functions;
using Descent.Specs;

namespace Descent.Lab;

/// <summary>
/// The one place that turns an exception into what a user is told: <see cref="ErrorKind"/>, the input it is about and
/// the one-line message. The CLI maps the kind to its exit code and the API to its HTTP status; both show the same
/// words for the same exception.
/// </summary>
public static class ErrorReports
{
    /// <summary>
    /// The report for <paramref name="exception"/>, unwrapped from the <see cref="AggregateException"/> or
    /// <see cref="System.Reflection.TargetInvocationException"/> that work run in parallel reports: bad input for the
    /// Lab's, the spec parser's and the function catalog's exceptions; cancelled for an <see cref="OperationCanceledException"/>;
    /// a fault for anything else.
    /// </summary>
    public static ErrorReport Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var e = Unwrap(exception);
        return e switch
        {
            LabInputException l => BadInput(l.Argument, l.Message, l),
            SpecException s => BadInput("optimizer", s.Message, s),
            // A typed rule that does not parse: its reason and column in the statements, with the caret display.
            Descent.Rules.RuleException r => new ErrorReport
            {
                Kind = ErrorKind.BadInput,
                Argument = "optimizer",
                Message = OneLine($"{r.Reason} (column {r.Position + 1} of the rule)"),
                Position = r.Position,
                Display = r.Display,
            },
            FunctionException f => BadInput("function", f.Message, f),
            // A sweep's grid that does not read: its reason and column in the spec, with the caret display.
            Sweep.GridException g => new ErrorReport
            {
                Kind = ErrorKind.BadInput,
                Argument = "optimizer",
                Message = OneLine($"{g.Reason} (column {g.Position + 1} of the spec)"),
                Position = g.Position,
                Display = g.Display,
            },
            OperationCanceledException => new ErrorReport { Kind = ErrorKind.Cancelled, Message = "cancelled" },
            _ => new ErrorReport { Kind = ErrorKind.Fault, Message = OneLine(e.Message) },
        };
    }

    /// <summary>The exception a parallel run's wrappers hide: the first inner exception of each <see cref="AggregateException"/>, the inner one of a <see cref="System.Reflection.TargetInvocationException"/>.</summary>
    public static Exception Unwrap(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var e = exception;
        while (true)
        {
            if (e is AggregateException { InnerExceptions.Count: > 0 } a) e = a.InnerExceptions[0];
            else if (e is System.Reflection.TargetInvocationException { InnerException: { } inner }) e = inner;
            else return e;
        }
    }

    /// <summary>A message on one line: trimmed, and a line break or control character in it (from the input it quotes) written as <c>\n</c>, <c>\uXXXX</c>.</summary>
    public static string OneLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return OptimizerSpec.Escape(message.Trim());
    }

    /// <summary>
    /// The report of bad input to <paramref name="argument"/> with <paramref name="message"/>; when <paramref name="cause"/>
    /// or an exception inside it is a formula that does not parse, the message is its reason and column, with the caret
    /// display. A front end's own input exceptions (the API's limits) are reported through it too.
    /// </summary>
    public static ErrorReport BadInput(string? argument, string message, Exception? cause = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        // A formula that does not parse: the reason and the column, counted from 1; the caret display goes with it.
        var formula = FindFormulaError(cause);
        return new ErrorReport
        {
            Kind = ErrorKind.BadInput,
            Argument = argument,
            Message = formula is null ? OneLine(message) : OneLine($"{formula.Reason} (column {formula.Position + 1})"),
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
}
