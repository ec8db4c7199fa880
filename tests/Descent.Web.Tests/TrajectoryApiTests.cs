using Descent.Cli.Infrastructure;
using Descent.Functions;
using Descent.Lab;
using Descent.Lab.IO;
using Descent.Lab.Recipes;
using Descent.Lab.Trajectory;
using Descent.Specs;
using Descent.Web.Api;

namespace Descent.Web.Tests;

public sealed class TrajectoryApiTests
{
    private static TrajectoryRequest RequestFor(TrajectoryConfig config) => new()
    {
        Function = config.Function,
        Optimizers = config.Optimizers,
        Convention = OptimizerCatalog.Name(config.Convention),
        Start = config.Start,
        Steps = config.Steps,
    };

    private static async Task<TrajectoryResult> Run(ApiServer server, object request)
    {
        var answer = request is string json ? await server.PostAsync("/api/trajectory", json) : await server.PostAsync("/api/trajectory", request);
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        return LabJson.Deserialize<TrajectoryResult>(await answer.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("hills-and-canyon")]
    [InlineData("two-minimums")]
    [InlineData("ripple")]
    public async Task Trajectory_LectureAnimation_EqualsTheLabsRunOfTheSameConfig(string landscape)
    {
        var config = LectureAnimationsRecipe.Recipe.Figure(landscape).Config;
        await using var server = await ApiServer.StartAsync();

        var fromApi = await Run(server, RequestFor(config));

        Assert.Equal(LabJson.Serialize(TrajectoryExperiment.Run(config)), LabJson.Serialize(fromApi));
        Assert.All(fromApi.Paths, p => Assert.NotEmpty(p.State));
    }

    [Fact]
    public async Task Trajectory_SgdOnATypedBowl_TakesTheHandWorkedSteps()
    {
        await using var server = await ApiServer.StartAsync();

        var result = await Run(server, new TrajectoryRequest { Function = "x^2 + 3*y^2", Optimizers = ["sgd(lr=0.1)"], Start = new Point2(1, 2), Steps = 2 });

        // ∇f = (2x, 6y): (1, 2) → (1 − 0.2, 2 − 1.2) = (0.8, 0.8) → (0.8 − 0.16, 0.8 − 0.48) = (0.64, 0.32).
        var path = Assert.Single(result.Paths);
        Assert.Equal([1, 0.8, 0.64], path.X, (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.Equal([2, 0.8, 0.32], path.Y, (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.Equal(1 + 12, path.Loss[0]);
        Assert.Empty(path.State);
    }

    [Fact]
    public async Task Trajectory_NoStartOrSteps_UsesTheFunctionsStartAndTheLecturesSteps()
    {
        await using var server = await ApiServer.StartAsync();

        var result = await Run(server, """{"function":"rosenbrock","optimizers":["momentum(lr=0.001)"],"convention":"pytorch"}""");

        Assert.Equal(new Point2(-1.2, 1), result.Start);
        Assert.Equal(TrajectoryExperiment.DefaultSteps, result.Steps);
        Assert.Equal(["velocity"], result.Paths[0].State.Select(s => s.Name));
    }

    [Fact]
    public async Task Trajectory_DivergingPath_Answers200WithTheStepItLeft()
    {
        await using var server = await ApiServer.StartAsync();

        var result = await Run(server, new TrajectoryRequest { Function = "quadratic", Optimizers = ["sgd(lr=10)", "adam(lr=0.1)"], Steps = 500 });

        Assert.NotNull(result.Paths[0].DivergedAtStep);
        Assert.Null(result.Paths[1].DivergedAtStep);
    }

    [Fact]
    public async Task Trajectory_MaxSteps_Runs()
    {
        await using var server = await ApiServer.StartAsync();

        var result = await Run(server, new TrajectoryRequest { Function = "quadratic", Optimizers = ["adam(lr=0.01)"], Steps = 10_000 });

        Assert.Equal(10_001, result.Paths[0].Count);
    }

    // The CLI's text for a bad input is CliRunner.Describe of the Lab's exception: "--argument: message".
    public static TheoryData<string, string, TrajectoryConfig> BadInputs => new()
    {
        { "function", """{"function":"x^2 + * y","optimizers":["adam"]}""", new() { Function = "x^2 + * y", Optimizers = ["adam"] } },
        { "function", """{"function":"hills-and-canyons","optimizers":["adam"]}""", new() { Function = "hills-and-canyons", Optimizers = ["adam"] } },
        { "function", """{"function":"sin(x","optimizers":["adam"]}""", new() { Function = "sin(x", Optimizers = ["adam"] } },
        { "function", """{"function":"  ","optimizers":["adam"]}""", new() { Function = "  ", Optimizers = ["adam"] } },
        { "optimizer", """{"function":"quadratic","optimizers":["adam","adamm"]}""", new() { Function = "quadratic", Optimizers = ["adam", "adamm"] } },
        { "optimizer", """{"function":"quadratic","optimizers":["momentum(lr=-0.1)"]}""", new() { Function = "quadratic", Optimizers = ["momentum(lr=-0.1)"] } },
        { "optimizer", """{"function":"quadratic","optimizers":["adam(lr=fast)"]}""", new() { Function = "quadratic", Optimizers = ["adam(lr=fast)"] } },
        { "optimizer", """{"function":"quadratic","optimizers":["adagrad(power=2)"],"convention":"pytorch"}""", new() { Function = "quadratic", Optimizers = ["adagrad(power=2)"] } },
        { "optimizer", """{"function":"quadratic","optimizers":["adam","rprop"],"convention":"keras"}""", new() { Function = "quadratic", Optimizers = ["adam", "rprop"], Convention = Convention.Keras } },
        { "optimizer", """{"function":"quadratic","optimizers":[]}""", new() { Function = "quadratic", Optimizers = [] } },
        { "start", """{"function":"quadratic","optimizers":["adam"],"start":{"x":"NaN","y":1}}""", new() { Function = "quadratic", Optimizers = ["adam"], Start = new Point2(double.NaN, 1) } },
        { "start", """{"function":"quadratic","optimizers":["adam"],"start":{"x":2e6,"y":1}}""", new() { Function = "quadratic", Optimizers = ["adam"], Start = new Point2(2e6, 1) } },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Trajectory_BadInput_Answers400WithTheCliMessage(string argument, string request, TrajectoryConfig sameConfig)
    {
        var cliException = Assert.Throws<LabInputException>(() => TrajectoryExperiment.Validate(sameConfig));
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/trajectory", request));

        Assert.Equal(argument, error.Argument);
        Assert.Equal(CliRunner.Describe(cliException), CliText(error));
    }

    // What the CLI prints after "descent: " for this error: the message, then for a formula its first two display lines indented.
    private static string CliText(ApiError error) =>
        error.Display is null
            ? $"--{error.Argument}: {error.Message}"
            : $"--{error.Argument}: {error.Message}\n" + string.Join("\n", error.Display.Split('\n').Take(2).Select(l => "  " + l));

    [Fact]
    public async Task Trajectory_SameOptionsAsTheCli_GivesTheCliJson()
    {
        string[] optimizers = ["adam(lr=0.25)", "nesterov(lr=0.01,momentum=0.9)", "rmsprop(lr=0.25)"];
        var cli = CliProcess.Run(["trajectory", "--function", "hills-and-canyon", "--optimizer", optimizers[0], "--optimizer", optimizers[1],
            "--optimizer", optimizers[2], "--convention", "lasagne", "--start", "-2.5,-2", "--steps", "200", "--format", "json"]);
        Assert.True(cli.ExitCode == 0, cli.Err);
        await using var server = await ApiServer.StartAsync();

        var fromApi = await Run(server, new TrajectoryRequest
        {
            Function = "hills-and-canyon", Optimizers = optimizers, Convention = "lasagne", Start = new Point2(-2.5, -2), Steps = 200,
        });

        Assert.Equal(LabJson.Serialize(LabJson.Deserialize<TrajectoryResult>(cli.Out)), LabJson.Serialize(fromApi));
    }

    [Fact]
    public void Trajectory_BadFormulaOnTheCommandLine_PrintsWhatTheApiAnswers()
    {
        var cli = CliProcess.Run(["trajectory", "--function", "x^2 + * y", "--optimizer", "adam", "--format", "json"]);

        Assert.Equal(2, cli.ExitCode);
        Assert.Equal(
            "descent: " + CliText(new ApiError
            {
                Argument = "function",
                Message = "Expected a number, x, y, a function or '(' but found '*'. (column 7)",
                Display = "x^2 + * y\n      ^\nExpected a number, x, y, a function or '(' but found '*'.",
            }),
            cli.Err.Trim());
    }

    [Fact]
    public async Task Trajectory_BadFormula_GivesTheCaretPosition()
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/trajectory", """{"function":"x^2 + 3*y^^2","optimizers":["adam"]}"""));

        Assert.Equal(10, error.Position);
        Assert.Equal("x^2 + 3*y^^2", error.Display!.Split('\n')[0]);
        Assert.Equal("          ^", error.Display.Split('\n')[1]);
    }

    [Theory]
    [InlineData(10_001)]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task Trajectory_StepsBeyondThePagesLimit_Answers400(int steps)
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/trajectory", new TrajectoryRequest { Function = "quadratic", Optimizers = ["adam"], Steps = steps }));

        Assert.Equal("steps", error.Argument);
        Assert.Equal($"Steps must be between 1 and 10000 on the page (the descent command takes more), got {steps}.", error.Message);
    }

    [Fact]
    public async Task Trajectory_ThirteenOptimizers_Answers400()
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/trajectory", new TrajectoryRequest
        {
            Function = "quadratic", Optimizers = [.. Enumerable.Repeat("adam", 13)],
        }));

        Assert.Equal("optimizer", error.Argument);
        Assert.Null(error.Index);
        Assert.Equal("At most 12 optimizers at once on the page; got 13.", error.Message);
    }

    [Fact]
    public async Task Trajectory_FormulaOf1001Characters_Answers400BeforeParsingIt()
    {
        await using var server = await ApiServer.StartAsync();
        string formula = new string('(', 1001);

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/trajectory", new TrajectoryRequest { Function = formula, Optimizers = ["adam"] }));

        Assert.Equal("function", error.Argument);
        Assert.Null(error.Position);
        Assert.Equal("The formula has 1001 characters; the page takes at most 1000.", error.Message);
    }

    [Fact]
    public async Task Trajectory_BadSecondOptimizer_SaysWhichOne()
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/trajectory", """{"function":"quadratic","optimizers":["adam","rmsprop(rho=2)","sgd"]}"""));

        Assert.Equal(1, error.Index);
        Assert.StartsWith("rmsprop(rho=2): ", error.Message);
    }

    [Fact]
    public async Task Trajectory_NoTimeLeft_Answers400NamingTheBudget()
    {
        await using var server = await ApiServer.StartAsync(new ApiLimits { TimeBudget = TimeSpan.Zero });

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/trajectory", new TrajectoryRequest { Function = "quadratic", Optimizers = ["adam"] }));

        Assert.StartsWith("The computation took longer than the page's budget of 0 s", error.Message);
    }
}
