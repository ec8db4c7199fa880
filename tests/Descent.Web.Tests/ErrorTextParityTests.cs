using Descent.Cli.Infrastructure;
using Descent.Functions;
using Descent.Lab;
using Descent.Lab.Trajectory;
using Descent.Specs;
using Descent.Web.Api;

namespace Descent.Web.Tests;

/// <summary>
/// The same exception gives the same words on the command line and in the API, because both come from the Lab's
/// <see cref="ErrorReports"/>; the CLI maps the kind to its exit code and the API to its status.
/// </summary>
public sealed class ErrorTextParityTests
{
    private static Exception Caught(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }
        throw new Xunit.Sdk.XunitException("nothing was thrown");
    }

    /// <summary>Bad inputs of every kind the Lab and the core throw, with the text the CLI prints after "descent: ".</summary>
    public static TheoryData<string, string> BadInputs() => new()
    {
        { "steps", "--steps: must be in 1..100000, got 0." },
        { "no-argument", "No optimizer given." },
        { "spec", "--optimizer: Unknown optimizer 'adamm'; valid: sgd, momentum, nesterov, smoothed-nesterov, adagrad, rmsprop, adadelta, adam, adamw, adamax, nadam, radam" },
        { "unknown-function", "--function: Unknown function 'rosenbrok'. Did you mean 'rosenbrock'? Built-in functions: " },
        { "formula-in-lab", "--function: Expected a number, x, y, a function or '(' but found '*'. (column 7)\n  x^2 + * y\n        ^" },
        { "bare-formula", "--function: Expected a number, x, y, a function or '(' but found '*'. (column 7)\n  x^2 + * y\n        ^" },
        { "parallel", "--steps: must be in 1..100000, got 0." },
        { "control-characters", "--signal: line 2: '1\\u001b[2J' is not a number" },
    };

    private static Exception Make(string name) => name switch
    {
        "steps" => new LabInputException("steps", "must be in 1..100000, got 0."),
        "no-argument" => new LabInputException(null, "No optimizer given."),
        "spec" => Caught(() => OptimizerCatalog.Resolve("adamm", Convention.PyTorch)),
        "unknown-function" => Caught(() => TrajectoryExperiment.ResolveFunction(new TrajectoryConfig { Function = "rosenbrok" })),
        "formula-in-lab" => Caught(() => TrajectoryExperiment.ResolveFunction(new TrajectoryConfig { Function = "x^2 + * y" })),
        "bare-formula" => Caught(() => FunctionCatalog.Resolve("x^2 + * y")),
        "parallel" => new AggregateException(new LabInputException("steps", "must be in 1..100000, got 0.")),
        "control-characters" => new LabInputException("signal", "line 2: '1\u001b[2J' is not a number\n"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void SameException_CliAndApi_SayTheSameWords(string name, string cliText)
    {
        var e = Make(name);

        string? cli = CliRunner.Describe(e);
        var api = ApiErrors.Describe(e);

        Assert.NotNull(cli);
        Assert.NotNull(api);
        Assert.StartsWith(cliText, cli, StringComparison.Ordinal);
        // The CLI's text is the API's argument and message, and for a formula the first two display lines indented.
        string fromApi = (api.Argument is null ? api.Message : $"--{api.Argument}: {api.Message}")
            + (api.Display is null ? "" : "\n" + string.Join("\n", api.Display.Split('\n').Take(2).Select(l => "  " + l)));
        Assert.Equal(cli, fromApi);
        Assert.Equal(CliRunner.BadInput, CliRunner.ExitCode(ErrorReports.Describe(e).Kind));
        Assert.Equal(400, ApiErrors.Status(ErrorReports.Describe(e).Kind));
    }

    [Fact]
    public void Formula_CliAndApi_PointAtTheSameCharacter()
    {
        var e = Make("bare-formula");
        var report = ErrorReports.Describe(e);

        Assert.Equal("function", report.Argument);
        Assert.Equal(6, report.Position);
        Assert.Equal(6, ApiErrors.Describe(e)!.Position);
        Assert.Equal(report.Display, ApiErrors.Describe(e)!.Display);
    }

    [Fact]
    public void Fault_NeitherCallsItBadInput_ExitCode1AndStatus500()
    {
        var e = new IOException("No space left on device");

        var report = ErrorReports.Describe(e);

        Assert.Equal(ErrorKind.Fault, report.Kind);
        Assert.Equal("No space left on device", report.Message);
        Assert.Null(CliRunner.Describe(e));
        Assert.Null(ApiErrors.Describe(e));
        Assert.Equal(1, CliRunner.ExitCode(report.Kind));
        Assert.Equal(500, ApiErrors.Status(report.Kind));
    }

    [Fact]
    public void Cancellation_NeitherCallsItBadInput_ExitCode130AndNoAnswer()
    {
        var e = new AggregateException(new OperationCanceledException());

        var report = ErrorReports.Describe(e);

        Assert.Equal(ErrorKind.Cancelled, report.Kind);
        Assert.Null(CliRunner.Describe(e));
        Assert.Null(ApiErrors.Describe(e));
        Assert.Equal(130, CliRunner.ExitCode(report.Kind));
        Assert.Equal(ApiErrors.ClientClosedRequest, ApiErrors.Status(report.Kind));
    }

    [Fact]
    public void ApiLimit_ThroughTheSameReport_KeepsItsIndex()
    {
        var error = ApiErrors.Describe(new ApiInputException("optimizer", "An optimizer spec is null; write e.g. adam(lr=0.25).", 2));

        Assert.NotNull(error);
        Assert.Equal("optimizer", error.Argument);
        Assert.Equal(2, error.Index);
        Assert.Equal("An optimizer spec is null; write e.g. adam(lr=0.25).", error.Message);
    }
}
