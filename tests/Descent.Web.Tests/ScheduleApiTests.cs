using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Descent.Web.Api;

namespace Descent.Web.Tests;

public sealed class ScheduleApiTests
{
    private static readonly ApiLimits Limits = new();

    /// <summary>One loop of Reference/schedule_reference.json: torch.optim's lr (and momentum or beta1) of every step.</summary>
    public sealed record TorchCase(string Id, string Optimizer, string Schedule, int Steps, double[] Lrs, double[] Momentum, double[]? Losses)
    {
        /// <summary>The optimizer spec with the schedule as its <c>schedule</c> key: <c>sgd(lr=0.1, momentum=0.9, schedule=step(step_size=7))</c>.</summary>
        public string Spec => $"{Optimizer[..^1]}, schedule={Schedule})";
    }

    private static readonly Lazy<IReadOnlyList<TorchCase>> Cases = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "schedule_reference.json")));
        static double[] Numbers(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetDouble())];
        return [.. doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new TorchCase(
            c.GetProperty("id").GetString()!, c.GetProperty("optimizer").GetString()!, c.GetProperty("schedule").GetString()!,
            c.GetProperty("steps").GetInt32(), Numbers(c.GetProperty("lrs")), Numbers(c.GetProperty("momentum")),
            c.GetProperty("losses").ValueKind == JsonValueKind.Null ? null : Numbers(c.GetProperty("losses"))))];
    });

    public static TheoryData<string> Ids() => [.. Cases.Value.Select(c => c.Id)];

    [Fact]
    public void Reference_CoversEverySchedule()
    {
        Assert.Equal(Descent.Schedules.ScheduleCatalog.Names.Order(),
            Cases.Value.Select(c => c.Schedule.Split('(')[0]).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Preview_AgainstTorch_EqualsEveryStepsLearningRate(string id)
    {
        var reference = Cases.Value.Single(c => c.Id == id);

        var preview = ScheduleEndpoint.Run(new ScheduleRequest { Optimizer = reference.Spec, Steps = reference.Steps, Losses = reference.Losses },
            Limits, CancellationToken.None);

        Assert.Equal(reference.Steps, preview.Lr.Count);
        for (int t = 0; t < reference.Steps; t++) AssertClose(reference.Lrs[t], preview.Lr[t], $"{id}: lr of step {t + 1}");
        if (preview.Momentum is { } momentum)
            for (int t = 0; t < reference.Steps; t++) AssertClose(reference.Momentum[t], momentum[t], $"{id}: momentum of step {t + 1}");
        else
            Assert.All(reference.Momentum, m => Assert.Equal(0.9, m));
        Assert.Null(preview.Note);
    }

    [Fact]
    public async Task Preview_OverHttp_GivesTorchsNumbersAndSaysWhatItCycles()
    {
        await using var server = await ApiServer.StartAsync();
        var onecycle = Cases.Value.Single(c => c.Id == "onecycle-adam");
        var plateau = Cases.Value.Single(c => c.Id == "plateau");

        var cycled = await Preview(server, new ScheduleRequest { Optimizer = onecycle.Spec, Steps = 300 });
        var lowered = await Preview(server, new ScheduleRequest { Optimizer = plateau.Spec, Steps = 300, Losses = plateau.Losses });

        Assert.Equal("beta1", cycled.MomentumKey);
        for (int t = 0; t < 300; t++)
        {
            AssertClose(onecycle.Lrs[t], cycled.Lr[t], $"onecycle lr of step {t + 1}");
            AssertClose(onecycle.Momentum[t], cycled.Momentum![t], $"onecycle beta1 of step {t + 1}");
            AssertClose(plateau.Lrs[t], lowered.Lr[t], $"plateau lr of step {t + 1}");
        }
        Assert.Equal("plateau(factor=0.5, patience=5, threshold=0.0001, threshold_mode=rel, mode=min, cooldown=3, min_lr=0.002, eps=1e-08)", lowered.Schedule);
    }

    [Fact]
    public async Task Preview_NoSchedule_IsLrAtEveryStep()
    {
        await using var server = await ApiServer.StartAsync();

        var preview = await Preview(server, new ScheduleRequest { Optimizer = "adagrad(lr=1.0)", Convention = "lecture", Steps = 7 });

        Assert.Equal(Enumerable.Repeat(1.0, 7), preview.Lr);
        Assert.Null(preview.Schedule);
        Assert.Null(preview.Momentum);
    }

    [Fact]
    public async Task Preview_PlateauWithoutLosses_HoldsLrAndSaysWhy()
    {
        await using var server = await ApiServer.StartAsync();

        var preview = await Preview(server, new ScheduleRequest { Optimizer = "adam(lr=0.25, schedule=plateau(patience=2))" });

        Assert.Equal(125, preview.Steps);
        Assert.Equal(Enumerable.Repeat(0.25, 125), preview.Lr);
        Assert.Contains("plateau", preview.Note);
    }

    [Fact]
    public async Task Preview_StepsOmitted_IsTheTrajectorysDefault()
    {
        await using var server = await ApiServer.StartAsync();

        var preview = await Preview(server, new ScheduleRequest { Optimizer = "adam(lr=0.25, schedule=cosine(t_max=125, eta_min=0.01))" });

        // CosineAnnealingLR at step 126 (t = 125 = t_max) reaches eta_min; step 1 runs at lr, step 63 close to halfway.
        Assert.Equal(125, preview.Lr.Count);
        Assert.Equal(0.25, preview.Lr[0]);
        Assert.Equal(0.01 + (0.25 - 0.01) * (1 + Math.Cos(Math.PI * 62 / 125)) / 2, preview.Lr[62], 12);
    }

    [Theory]
    [InlineData("""{"optimizer": "adam(schedule=cosine(t_max=9))", "steps": 0}""", "steps", "Steps must be between 1 and 10000 on the page (the descent command takes more), got 0.")]
    [InlineData("""{"optimizer": "adam(schedule=cosine(t_max=9))", "steps": 10001}""", "steps", "Steps must be between 1 and 10000 on the page (the descent command takes more), got 10001.")]
    [InlineData("""{"steps": 10}""", "optimizer", "optimizer: missing; write an optimizer spec such as adam(lr=0.25, schedule=cosine(t_max=125)).")]
    [InlineData("""{"optimizer": "adam(schedule=plateau)", "steps": 3, "losses": [1, 0.5]}""", "losses", "plateau reads the loss of every step: 2 losses for 3 steps; give one per step.")]
    [InlineData("""{"optimizer": "sgd(momentum=0.9, schedule=onecycle(total_steps=100))", "steps": 101}""", "optimizer",
        "sgd(momentum=0.9, schedule=onecycle(total_steps=100)): the schedule ends after 100 steps and the run takes 101; raise total_steps.")]
    [InlineData("""{"optimizer": "adam(schedule=cosine(t_max=5, per=epoch))", "steps": 10}""", "optimizer",
        "adam(schedule=cosine(t_max=5, per=epoch)): per=epoch needs epochs; only descent train has them.")]
    [InlineData("""{"optimizer": "adam(schedule=cosine(t_max=0))"}""", "optimizer", null)]
    [InlineData("""{"optimizer": "adam", "convention": "optax"}""", "convention", "Unknown convention 'optax'; valid: lecture, lasagne, pytorch, keras.")]
    public async Task Preview_HostileInput_Answers400NamingTheField(string body, string argument, string? message)
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/schedule", body));

        Assert.Equal(argument, error.Argument);
        if (message is not null) Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("""{"optimizer": "adam", "losses": [1, "x", 3]}""", "losses[1]", "losses[1]: expected a number (the loss at each step), got \"x\".")]
    [InlineData("""{"optimizer": "adam", "losses": 3}""", "losses", "losses: expected a list of numbers (the loss at each step), got 3.")]
    [InlineData("""{"optimizer": "adam", "lr": 0.1}""", "lr", "lr: unknown field; valid: optimizer, convention, steps, losses.")]
    [InlineData("""{"optimizer": ["adam"]}""", "optimizer", "optimizer: expected a string, got a list.")]
    public async Task Preview_BodyOutsideTheSchema_Answers400NamingTheField(string body, string field, string message)
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/schedule", body));

        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Preview_NonFiniteLosses_AreReadAsTheApiWritesThem()
    {
        await using var server = await ApiServer.StartAsync();

        // A diverged run's losses: a NaN is never better than the best, so plateau counts it as a bad step (as torch does).
        var preview = await Preview(server, """{"optimizer": "sgd(lr=1, schedule=plateau(patience=1, factor=0.5))", "steps": 5, "losses": [1, "NaN", "Infinity", 0.5, 0.5]}""");

        Assert.Equal([1.0, 1, 1, 0.5, 0.5], preview.Lr);
    }

    private static async Task<SchedulePreview> Preview(ApiServer server, object body)
    {
        var answer = body is string json ? await server.PostAsync("/api/schedule", json) : await server.PostAsync("/api/schedule", body);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<SchedulePreview>(JsonEndpoint.Options))!;
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        if (!(Math.Abs(actual - expected) <= 1e-12 * Math.Abs(expected)))
            Assert.Fail($"{what}: expected {expected:R}, got {actual:R}");
    }
}
