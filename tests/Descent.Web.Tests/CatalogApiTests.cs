using System.Net.Http.Json;
using Descent.Functions;
using Descent.Lab.Signals;
using Descent.Specs;
using Descent.Web.Api;

namespace Descent.Web.Tests;

public sealed class CatalogApiTests
{
    [Fact]
    public async Task Functions_Get_ListsTheLectureLandscapesThenTheClassics()
    {
        await using var server = await ApiServer.StartAsync();

        var list = await server.Client.GetFromJsonAsync<FunctionList>("/api/functions", JsonEndpoint.Options);

        Assert.Equal(["quadratic", "wobbly", "basins-and-walls", "ripple", "giant-plateau", "hills-and-canyon", "two-minimums",
            "rosenbrock", "beale", "himmelblau", "rastrigin", "ackley", "booth", "saddle", "monkey-saddle", "styblinski-tang", "goldstein-price"],
            list!.Functions.Select(f => f.Name));
        var hills = list.Functions.Single(f => f.Name == "hills-and-canyon");
        Assert.Equal("lecture", hills.Kind);
        Assert.Equal(new Point2(-2.8, -2.5), hills.Start);
        Assert.Equal(FunctionCatalog.Find("hills-and-canyon").Formula, hills.Formula);
        Assert.Equal(["bad-init"], list.Functions.Single(f => f.Name == "two-minimums").Aliases);
    }

    [Fact]
    public async Task Optimizers_Get_GivesEachConventionsKeysAndDefaults()
    {
        await using var server = await ApiServer.StartAsync();

        var list = await server.Client.GetFromJsonAsync<OptimizerList>("/api/optimizers", JsonEndpoint.Options);

        Assert.Equal(["pytorch", "lasagne", "lecture"], list!.Conventions);
        Assert.Equal(OptimizerCatalog.Names, list.Optimizers.Select(o => o.Name));
        var adam = list.Optimizers.Single(o => o.Name == "adam");
        // torch.optim.Adam: lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False.
        // Then the keys every rule shares, in every convention.
        Assert.Equal(["lr=0.001", "beta1=0.9", "beta2=0.999", "eps=1e-08", "amsgrad=false",
                "weight_decay=0", "decoupled_weight_decay=false", "schedule=none", "clip_norm=none", "clip_value=none"],
            adam.Conventions["pytorch"].Keys.Select(k => $"{k.Name}={k.Default}"));
        Assert.DoesNotContain(adam.Conventions["lecture"].Keys, k => k.Name == "amsgrad");
        Assert.Contains(adam.Conventions["lecture"].Keys, k => k.Name == "schedule");
        var nadam = list.Optimizers.Single(o => o.Name == "nadam");
        Assert.Equal("pytorch", nadam.Conventions["lecture"].Effective);
        Assert.Equal("squares|abs", list.Optimizers.Single(o => o.Name == "adagrad").Conventions["lecture"].Keys.Single(k => k.Name == "accumulate").Kind);
    }

    [Fact]
    public async Task Signals_Get_ListsTheLecturesSixWithTheirValues()
    {
        await using var server = await ApiServer.StartAsync();

        var list = await server.Client.GetFromJsonAsync<SignalList>("/api/signals", JsonEndpoint.Options);

        Assert.Equal(["spikes", "rectangles", "noisy-sin", "very-noisy-sin", "uneven-sawtooth", "saturation"], list!.Signals.Select(s => s.Name));
        Assert.Equal(SignalCatalog.Get("noisy-sin").Values, list.Signals.Single(s => s.Name == "noisy-sin").Values);
        Assert.Equal(["linear", "lecture"], list.Interpolations);
    }

    [Fact]
    public async Task Recipes_Get_GivesEveryTrajectoryAndResponseFigureWithItsConfig()
    {
        await using var server = await ApiServer.StartAsync();

        string json = await server.Client.GetStringAsync("/api/recipes");

        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var recipes = doc.RootElement.GetProperty("recipes").EnumerateArray().ToList();
        Assert.Equal(["lecture", "lecture-animations", "lecture-nesterov", "classics"],
            recipes.Select(r => r.GetProperty("name").GetString()).Where(n => n is "lecture" or "lecture-animations" or "lecture-nesterov" or "classics"));
        var animations = recipes.Single(r => r.GetProperty("name").GetString() == "lecture-animations");
        Assert.Equal("trajectory", animations.GetProperty("experiment").GetString());
        var hills = animations.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "hills-and-canyon");
        var expected = Descent.Lab.Recipes.LectureAnimationsRecipe.Recipe.Figure("hills-and-canyon").Config;
        var config = Descent.Lab.IO.LabJson.Deserialize<Descent.Lab.Trajectory.TrajectoryConfig>(hills.GetProperty("config").GetRawText());
        Assert.Equal(Descent.Lab.IO.LabJson.Serialize(expected), Descent.Lab.IO.LabJson.Serialize(config));
        var lecture = recipes.Single(r => r.GetProperty("name").GetString() == "lecture");
        Assert.Equal(48, lecture.GetProperty("figures").GetArrayLength());
    }
}
