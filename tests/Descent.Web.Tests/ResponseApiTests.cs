using Descent.Lab.IO;
using Descent.Lab.Recipes;
using Descent.Lab.Response;
using Descent.Web.Api;

namespace Descent.Web.Tests;

public sealed class ResponseApiTests
{
    private static object RequestFor(ResponseConfig config) => new ResponseRequest
    {
        Signal = config.Signal,
        Optimizers = config.Optimizers,
        Convention = Descent.Specs.OptimizerCatalog.Name(config.Convention),
        Steps = config.Steps,
        Interpolation = Interpolations.Name(config.Interpolation),
    };

    [Theory]
    [InlineData("rectangles-adam")]
    [InlineData("spikes-nesterov")]
    [InlineData("noisy-sin-smoothed-nesterov")]
    [InlineData("saturation-adadelta-big-start")]
    public async Task Response_LectureFigure_EqualsTheLabsRunOfTheSameConfig(string figure)
    {
        var config = LectureRecipe.Recipe.Figure(figure).Config;
        await using var server = await ApiServer.StartAsync();

        var answer = await server.PostAsync("/api/response", RequestFor(config));

        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        var fromApi = LabJson.Deserialize<ResponseResult>(await answer.Content.ReadAsStringAsync());
        Assert.Equal(LabJson.Serialize(ResponseExperiment.Run(config)), LabJson.Serialize(fromApi));
    }

    [Fact]
    public async Task Response_SameOptionsAsTheCli_GivesTheCliJson()
    {
        string[] optimizers = ["adam(lr=0.25, beta1=0.9, beta2=0.999, eps=1e-7)", "nesterov(lr=0.25,momentum=0.975)"];
        var cli = CliProcess.Run(["response", "--signal", "uneven-sawtooth", "--optimizer", optimizers[0], "--optimizer", optimizers[1],
            "--convention", "lecture", "--interpolation", "lecture", "--steps", "150", "--format", "json"]);
        Assert.Equal(0, cli.ExitCode);
        await using var server = await ApiServer.StartAsync();

        var answer = await server.PostAsync("/api/response", new ResponseRequest
        {
            Signal = "uneven-sawtooth", Optimizers = optimizers, Convention = "lecture", Interpolation = "lecture", Steps = 150,
        });

        var fromApi = LabJson.Deserialize<ResponseResult>(await answer.Content.ReadAsStringAsync());
        var fromCli = LabJson.Deserialize<ResponseResult>(cli.Out);
        Assert.Equal(LabJson.Serialize(fromCli), LabJson.Serialize(fromApi));
    }

    // Each case: the request, then the same input as CLI arguments; the API's message must be the CLI's.
    public static TheoryData<string, string, string[]> BadInputs => new()
    {
        { "optimizer", """{"signal":"rectangles","optimizers":["adam","adamm"]}""", ["--signal", "rectangles", "--optimizer", "adam", "--optimizer", "adamm"] },
        { "optimizer", """{"signal":"rectangles","optimizers":["adam(lr=-1)"]}""", ["--signal", "rectangles", "--optimizer", "adam(lr=-1)"] },
        { "optimizer", """{"signal":"rectangles","optimizers":["adam(beta1=1.5)"]}""", ["--signal", "rectangles", "--optimizer", "adam(beta1=1.5)"] },
        { "optimizer", """{"signal":"rectangles","optimizers":["rmsprop(centered=true)"],"convention":"lecture"}""", ["--signal", "rectangles", "--optimizer", "rmsprop(centered=true)", "--convention", "lecture"] },
        { "optimizer", """{"signal":"rectangles","optimizers":["adam(lr=0.1"]}""", ["--signal", "rectangles", "--optimizer", "adam(lr=0.1"] },
        { "convention", """{"signal":"rectangles","optimizers":["adam"],"convention":"optax"}""", ["--signal", "rectangles", "--optimizer", "adam", "--convention", "optax"] },
        { "interpolation", """{"signal":"rectangles","optimizers":["adam"],"interpolation":"cubic"}""", ["--signal", "rectangles", "--optimizer", "adam", "--interpolation", "cubic"] },
        { "signal", """{"signal":"squares","optimizers":["adam"]}""", ["--signal", "squares", "--optimizer", "adam"] },
        { "steps", """{"signal":"rectangles","optimizers":["adam"],"steps":301}""", ["--signal", "rectangles", "--optimizer", "adam", "--steps", "301"] },
        { "steps", """{"signal":"rectangles","optimizers":["adam"],"steps":0}""", ["--signal", "rectangles", "--optimizer", "adam", "--steps", "0"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Response_BadInput_Answers400WithTheCliMessage(string argument, string request, string[] cliArgs)
    {
        var cli = CliProcess.Run(["response", .. cliArgs, "--format", "json"]);
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/response", request));

        Assert.Equal(argument, error.Argument);
        Assert.Equal(2, cli.ExitCode);
        Assert.Equal($"descent: --{argument}: {error.Message}", cli.Err.Trim());
    }

    [Fact]
    public async Task Response_UnknownOptimizer_NamesTheBadSpecAndListsTheValidNames()
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/response", """{"signal":"spikes","optimizers":["adam","rmsprop","lions"]}"""));

        Assert.Equal(2, error.Index);
        Assert.StartsWith("Unknown optimizer 'lions'; valid: sgd, momentum, nesterov", error.Message);
        foreach (string name in Descent.Specs.OptimizerCatalog.Names) Assert.Contains(name, error.Message);
    }

    [Fact]
    public async Task Response_ThirteenOptimizers_Answers400()
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/response", new ResponseRequest
        {
            Signal = "spikes", Optimizers = [.. Enumerable.Repeat("sgd", 13)],
        }));

        Assert.Equal("optimizer", error.Argument);
        Assert.Equal("At most 12 optimizers at once on the page; got 13.", error.Message);
    }

    [Fact]
    public async Task Response_TwelveOptimizers_Runs()
    {
        await using var server = await ApiServer.StartAsync();

        var answer = await server.PostAsync("/api/response", new ResponseRequest { Signal = "spikes", Optimizers = [.. Enumerable.Repeat("sgd", 12)] });

        Assert.Equal(12, LabJson.Deserialize<ResponseResult>(await answer.Content.ReadAsStringAsync()).Curves.Count);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("signal.csv")]
    public async Task Response_SignalFile_IsRefusedWithoutReadingIt(string path)
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/response", new ResponseRequest { Signal = path, Optimizers = ["adam"] }));

        Assert.Equal("signal", error.Argument);
        Assert.StartsWith("The page runs built-in signals only", error.Message);
    }

    [Fact]
    public async Task Response_NoTimeLeft_Answers400NamingTheBudget()
    {
        await using var server = await ApiServer.StartAsync(new ApiLimits { TimeBudget = TimeSpan.Zero });

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/response", new ResponseRequest { Signal = "spikes", Optimizers = ["adam"] }));

        Assert.Null(error.Argument);
        Assert.Contains("budget", error.Message);
    }
}
