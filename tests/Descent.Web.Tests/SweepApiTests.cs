using Descent.Lab.IO;
using Descent.Lab.Sweep;
using Descent.Web.Api;

namespace Descent.Web.Tests;

public sealed class SweepApiTests
{
    [Fact]
    public async Task Sweep_LandscapeGrid_EqualsTheLabsRunOfTheSameConfig()
    {
        await using var server = await ApiServer.StartAsync();
        var request = new SweepRequest
        {
            Function = "hills-and-canyon",
            Optimizers = ["adam(lr=[0.01..1:5log], beta1=[0.5,0.9])"],
            Convention = "lasagne",
            Steps = 60,
            Starts = 2,
            Target = 1.0,
        };

        var answer = await server.PostAsync("/api/sweep", request);

        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        var fromApi = LabJson.Deserialize<SweepResult>(await answer.Content.ReadAsStringAsync());
        var config = new SweepConfig
        {
            Function = "hills-and-canyon", Optimizers = request.Optimizers, Convention = Convention.Lasagne, Steps = 60, Starts = 2, Target = 1.0,
        };
        Assert.Equal(LabJson.Serialize(SweepExperiment.Run(config)), LabJson.Serialize(fromApi));
        Assert.Equal(20, fromApi.Rows.Count);
    }

    [Fact]
    public async Task Sweep_BadGrid_400OnOptimizerWithTheCaret()
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/sweep", new SweepRequest { Function = "wobbly", Optimizers = ["adam(lr=[0..1:5log])"] }));

        Assert.Equal("optimizer", error.Argument);
        Assert.Equal(9, error.Position);
        Assert.Contains("above 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_TooManyRuns_400BeforeAnyWork()
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/sweep",
            new SweepRequest { Function = "wobbly", Optimizers = ["adam(lr=[1e-4..1:1000log])"], Starts = 10 }));

        Assert.Equal("optimizer", error.Argument);
        Assert.Contains($"at most {SweepEndpoint.MaxRuns}", error.Message, StringComparison.Ordinal);
    }
}
