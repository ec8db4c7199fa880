using System.Reflection;
using Descent.Specs;

namespace Descent.Lab.Tests;

/// <summary>The Lab's one formatter of failures: kind, argument and a one-line message.</summary>
public sealed class ErrorReportsTests
{
    [Fact]
    public void Describe_LabInput_IsBadInputAboutItsArgument()
    {
        var report = ErrorReports.Describe(new LabInputException("epochs", "must be in 1..1000, got 0."));

        Assert.Equal(new ErrorReport { Kind = ErrorKind.BadInput, Argument = "epochs", Message = "must be in 1..1000, got 0." }, report);
    }

    [Fact]
    public void Describe_SpecExceptionInsideParallelWrappers_IsAboutTheOptimizer()
    {
        var e = new AggregateException(new TargetInvocationException(new SpecException("Unknown optimizer 'x'.")));

        var report = ErrorReports.Describe(e);

        Assert.Equal(ErrorKind.BadInput, report.Kind);
        Assert.Equal("optimizer", report.Argument);
        Assert.Equal("Unknown optimizer 'x'.", report.Message);
    }

    [Fact]
    public void Describe_MessageWithLineBreaksAndEscapes_StaysOnOneLine() =>
        Assert.Equal(@"a\nb \u001b[2J", ErrorReports.Describe(new LabInputException(null, "  a\nb \u001b[2J \n")).Message);

    [Fact]
    public void Describe_FormulaInsideAnInputError_GivesReasonColumnAndCaret()
    {
        var formula = new Functions.FormulaException("x + ", 4, "Unexpected end of the formula.");

        var report = ErrorReports.BadInput("function", "ignored when a formula is at fault", new InvalidOperationException("wrapper", formula));

        Assert.Equal("Unexpected end of the formula. (column 5)", report.Message);
        Assert.Equal(4, report.Position);
        Assert.Equal("x + \n    ^\nUnexpected end of the formula.", report.Display);
    }

    [Fact]
    public void Describe_OtherExceptions_AreFaultsOrCancellations()
    {
        Assert.Equal(ErrorKind.Fault, ErrorReports.Describe(new UnauthorizedAccessException("Access denied.")).Kind);
        Assert.Equal(ErrorKind.Fault, ErrorReports.Describe(new NullReferenceException()).Kind);
        Assert.Equal(ErrorKind.Cancelled, ErrorReports.Describe(new TaskCanceledException()).Kind);
    }
}
