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

        Assert.Equal(["pytorch", "lasagne", "lecture", "keras"], list!.Conventions);
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
        // keras.optimizers.Adagrad: learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7; its decay is always decoupled.
        var adagrad = list.Optimizers.Single(o => o.Name == "adagrad").Conventions["keras"];
        Assert.Equal("keras", adagrad.Effective);
        Assert.Equal(["lr=0.001", "eps=1e-07", "initial_accumulator=0.1", "weight_decay=0", "schedule=none", "clip_norm=none", "clip_value=none"],
            adagrad.Keys.Select(k => $"{k.Name}={k.Default}"));
        // A rule Keras lacks has no keras entry: the page offers it only in the other conventions.
        Assert.False(list.Optimizers.Single(o => o.Name == "rprop").Conventions.ContainsKey("keras"));
        Assert.True(list.Optimizers.Single(o => o.Name == "rprop").Conventions.ContainsKey("lasagne"));
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

    [Fact]
    public async Task Optimizers_Get_GivesTheSharedKeysAndEveryScheduleWithItsKeys()
    {
        await using var server = await ApiServer.StartAsync();

        var list = await server.Client.GetFromJsonAsync<OptimizerList>("/api/optimizers", JsonEndpoint.Options);

        Assert.Equal(["lr", "weight_decay", "decoupled_weight_decay", "schedule", "clip_norm", "clip_value"], list!.SharedKeys);
        // Every rule but lookahead (a wrapper: the shared keys are its inner rule's) and lbfgs (torch's has lr and a schedule
        // only); Keras's weight decay is always decoupled, so under keras there is no decoupled_weight_decay.
        Assert.All(list.Optimizers.Where(o => o.Name is not ("lookahead" or "lbfgs")), o => Assert.All(o.Conventions, c => Assert.Superset(
            list.SharedKeys.Where(k => c.Key != "keras" || k != "decoupled_weight_decay").ToHashSet(), c.Value.Keys.Select(k => k.Name).ToHashSet())));
        Assert.Equal(["optimizer", "k", "alpha"], list.Optimizers.Single(o => o.Name == "lookahead").Conventions["pytorch"].Keys.Select(k => k.Name));
        Assert.Equal(["lr", "max_iter", "max_eval", "tolerance_grad", "tolerance_change", "history_size", "line_search", "schedule"],
            list.Optimizers.Single(o => o.Name == "lbfgs").Conventions["pytorch"].Keys.Select(k => k.Name));
        Assert.Equal(["step", "multistep", "exponential", "cosine", "cosine-restarts", "linear", "polynomial", "onecycle", "cyclic", "sequential", "plateau"],
            list.Schedules.Select(s => s.Name));
        // torch.optim.lr_scheduler.CosineAnnealingLR(T_max, eta_min=0); LinearLR(start_factor=1/3, end_factor=1, total_iters=5).
        Assert.Equal(["t_max=1", "eta_min=0"], list.Schedules.Single(s => s.Name == "cosine").Keys.Select(k => $"{k.Name}={k.Default}"));
        Assert.Equal(["start_factor=0.3333333333333333", "end_factor=1", "total_iters=5"],
            list.Schedules.Single(s => s.Name == "linear").Keys.Select(k => $"{k.Name}={k.Default}"));
        Assert.Equal("[integer, ...]", list.Schedules.Single(s => s.Name == "multistep").Keys[0].Kind);
        Assert.Contains("CosineAnnealingLR", list.Schedules.Single(s => s.Name == "cosine").Summary);
    }

    [Fact]
    public async Task Defaults_Get_AreTheLectureRecipesFigures()
    {
        await using var server = await ApiServer.StartAsync();

        string json = await server.Client.GetStringAsync("/api/defaults");

        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var trajectory = doc.RootElement.GetProperty("trajectory");
        var response = doc.RootElement.GetProperty("response");
        Assert.Equal(("lecture-animations", "hills-and-canyon"), (trajectory.GetProperty("recipe").GetString(), trajectory.GetProperty("figure").GetString()));
        Assert.Equal(("lecture", "rectangles-adam"), (response.GetProperty("recipe").GetString(), response.GetProperty("figure").GetString()));
        var landscape = Descent.Lab.IO.LabJson.Deserialize<Descent.Lab.Trajectory.TrajectoryConfig>(trajectory.GetProperty("config").GetRawText());
        var signal = Descent.Lab.IO.LabJson.Deserialize<Descent.Lab.Response.ResponseConfig>(response.GetProperty("config").GetRawText());
        // The lecture's suite is the recipe's, not a copy: the five methods in the lecture's legend order.
        Assert.Equal(Descent.Lab.Recipes.LectureAnimationsRecipe.Optimizers, landscape.Optimizers);
        Assert.Equal(["nesterov(lr=0.01,momentum=0.9)", "rmsprop(lr=0.25)", "adadelta(lr=100)", "adagrad(lr=1.0)", "adam(lr=0.25)"], landscape.Optimizers);
        Assert.Equal(Descent.Lab.IO.LabJson.Serialize(Descent.Lab.Recipes.LectureAnimationsRecipe.Recipe.Figure("hills-and-canyon").Config),
            Descent.Lab.IO.LabJson.Serialize(landscape));
        Assert.Equal(Descent.Lab.IO.LabJson.Serialize(Descent.Lab.Recipes.LectureRecipe.Recipe.Figure("rectangles-adam").Config),
            Descent.Lab.IO.LabJson.Serialize(signal));
        Assert.Equal(["adam(lr=0.25,beta1=0.25,beta2=0.999,eps=1e-7)", "adam(lr=0.25,beta1=0.9,beta2=0.999,eps=1e-7)", "adam(lr=0.25,beta1=0.975,beta2=0.999,eps=1e-7)"],
            signal.Optimizers);
    }
}
