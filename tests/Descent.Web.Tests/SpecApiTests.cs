using System.Net;
using System.Net.Http.Json;
using Descent.Specs;
using Descent.Web.Api;

namespace Descent.Web.Tests;

public sealed class SpecApiTests
{
    private static async Task<SpecResult> Read(ApiServer server, string spec, string? convention = null)
    {
        var answer = await server.PostAsync("/api/spec", new SpecRequest { Spec = spec, Convention = convention });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<SpecResult>(JsonEndpoint.Options))!;
    }

    [Fact]
    public async Task Spec_AdamWithCosine_AnswersCanonicalSpecKeysAndSchedule()
    {
        await using var server = await ApiServer.StartAsync();

        var read = await Read(server, "Adam( lr = 0.25,schedule=cosine(t_max=125,eta_min=0.01) )");

        Assert.Equal("adam(lr=0.25, schedule=cosine(t_max=125, eta_min=0.01))", read.Spec);
        Assert.Equal("adam(lr=0.25, beta1=0.9, beta2=0.999, eps=1e-08, amsgrad=false, weight_decay=0, schedule=cosine(t_max=125, eta_min=0.01))", read.Resolved);
        Assert.Equal(("adam", "pytorch", "pytorch"), (read.Name, read.Convention, read.Effective));
        Assert.Equal(["lr", "beta1", "beta2", "eps", "amsgrad", "weight_decay", "decoupled_weight_decay", "schedule", "clip_norm", "clip_value"],
            read.Keys.Select(k => k.Name));
        Assert.Equal(new SpecValue("lr", "number", "0.001", "0.25", true), read.Keys[0]);
        Assert.Equal(new SpecValue("beta1", "number", "0.9", "0.9", false), read.Keys[1]);
        Assert.Equal(new SpecValue("schedule", "schedule spec", "none", "cosine(t_max=125, eta_min=0.01)", true), read.Keys[7]);
        Assert.Equal(new SpecSchedule("cosine", "cosine(t_max=125, eta_min=0.01)", false, null), read.Schedule);
    }

    [Theory]
    [InlineData("adagrad(lr=1.0)", "lecture", "adagrad(lr=1)")]
    [InlineData("adam(lr=0.001)", "pytorch", "adam")]
    [InlineData("adam", "lecture", "adam")]
    [InlineData("rmsprop(alpha=0.9)", "pytorch", "rmsprop(rho=0.9)")]
    [InlineData("sgd(nesterov=true, momentum=0.9)", "pytorch", "sgd(momentum=0.9, nesterov=true)")]
    [InlineData("nadam(lr=0.002)", "lecture", "nadam")]
    // A wrapper's inner rule comes first, without its key, in its own canonical form.
    [InlineData("lookahead(optimizer=adam(lr=0.25), k=5)", "pytorch",
        "lookahead(adam(lr=0.25, beta1=0.9, beta2=0.999, eps=1e-08, amsgrad=false, weight_decay=0), k=5)")]
    [InlineData("lookahead(k=6, alpha=0.5)", "lecture", "lookahead")]
    [InlineData("sgd(lr=0.1, schedule=onecycle(max_lr=1, total_steps=125))", "pytorch",
        "sgd(lr=0.1, schedule=onecycle(max_lr=1, total_steps=125, pct_start=0.3, anneal=cos, div_factor=25, final_div_factor=10000, three_phase=false, cycle_momentum=true, base_momentum=0.85, max_momentum=0.95))")]
    public async Task Spec_Written_IsCanonicalAndAFixedPoint(string spec, string convention, string canonical)
    {
        await using var server = await ApiServer.StartAsync();

        var read = await Read(server, spec, convention);
        var again = await Read(server, read.Spec, convention);

        Assert.Equal(canonical, read.Spec);
        Assert.Equal(canonical, again.Spec);
        Assert.Equal(read.Resolved, again.Resolved);
    }

    [Fact]
    public async Task Spec_PlateauAndOneCycle_SayWhatThePreviewNeeds()
    {
        await using var server = await ApiServer.StartAsync();

        var plateau = await Read(server, "adam(schedule=plateau(patience=3))");
        var onecycle = await Read(server, "sgd(momentum=0.9, schedule=onecycle(total_steps=200))");

        Assert.True(plateau.Schedule!.NeedsLoss);
        Assert.Null(plateau.Schedule.MaxSteps);
        Assert.False(onecycle.Schedule!.NeedsLoss);
        Assert.Equal(200, onecycle.Schedule.MaxSteps);
    }

    [Theory]
    // The CLI's message for each, and where the key at fault starts.
    [InlineData("adam(lr=0.25, betaa1=0.9)", "pytorch", 14, "adam: unknown key 'betaa1'; valid keys: lr, beta1, beta2, eps, amsgrad, weight_decay, decoupled_weight_decay, schedule, clip_norm, clip_value.")]
    [InlineData("  adma(lr=0.1)", "pytorch", 2, null)]
    [InlineData(" rprop(lr=0.1)", "keras", 1, "rprop has no keras formula; keras has: sgd, momentum, nesterov, adagrad, rmsprop, adadelta, adam, adamw, adamax, nadam, lion, lamb.")]
    [InlineData("adam(decoupled_weight_decay=true)", "keras", 5, null)]
    [InlineData("adam(lr=0.25,  amsgrad=true)", "lecture", 15, null)]
    [InlineData("sgd(lr=0.1, schedule=cosine(t_max=0))", "pytorch", 12, null)]
    [InlineData("sgd(lr=abc)", "pytorch", 4, "lr=abc is not a number (finite values only, e.g. lr=0.001 or lr=1e-3).")]
    [InlineData("adam(lr=-1)", "pytorch", 5, null)]
    [InlineData("adam(beta1=0.9, lr=-1)", "pytorch", 16, null)]
    [InlineData("sgd(lr=0.1, clip_value=1, clip_norm=1)", "pytorch", 26, null)]
    [InlineData("adam(schedule=cyclic)", "pytorch", 5, null)]
    // Inside a wrapper: the inner spec at fault, a key of the wrapper, and a caret into a typed inner rule's statements.
    [InlineData("lookahead(adam(lr=-1), k=5)", "pytorch", 10, null)]
    [InlineData("lookahead(adam, k=0)", "pytorch", 16, null)]
    [InlineData("lookahead(rule(p = p - lr*q | lr=0.1))", "pytorch", 26, "Unknown name 'q'. Did you mean 'p'? Valid names: p, g, t, lr, pi, e (a hyperparameter is declared after |, e.g. | q=0.9). (column 12 of the rule)")]
    [InlineData("adam(lr=0.1", "pytorch", null, "Optimizer spec 'adam(lr=0.1' is missing its closing ')'.")]
    [InlineData("", "pytorch", null, "Empty optimizer spec; write e.g. adam(lr=0.001).")]
    public async Task Spec_Bad_Answers400WithTheLibrarysMessageAndPosition(string spec, string convention, int? position, string? message)
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/spec", new SpecRequest { Spec = spec, Convention = convention }));

        Assert.Equal("spec", error.Argument);
        Assert.Equal(position, error.Position);
        string expected = message ?? Message(() => OptimizerCatalog.Resolve(spec, OptimizerCatalog.ParseConvention(convention)));
        Assert.Equal(expected, error.Message);
    }

    private static string Message(Action read) => Assert.Throws<SpecException>(read).Message;

    [Theory]
    [InlineData("""{"convention": "pytorch"}""", null, "spec", "spec: missing; write an optimizer spec such as adam(lr=0.25).")]
    [InlineData("""{"spec": 3}""", "spec", "spec", "spec: expected a string, got 3.")]
    [InlineData("""{"spec": "adam", "specs": "sgd"}""", "specs", null, null)]
    [InlineData("""{"spec": "adam", "convention": "optax"}""", null, "convention", "Unknown convention 'optax'; valid: lecture, lasagne, pytorch, keras.")]
    public async Task Spec_HostileBody_Answers400NamingTheField(string body, string? field, string? argument, string? message)
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/spec", body));

        Assert.Equal(field, error.Field);
        Assert.Equal(argument, error.Argument);
        if (message is not null) Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Spec_LongerThanTheLimit_IsRefusedWithAShortMessage()
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/spec", new SpecRequest { Spec = "adam(lr=" + new string('9', 5000) + ")" }));

        Assert.Equal("spec", error.Argument);
        Assert.Contains("the limit is 1000", error.Message);
        Assert.True(error.Message.Length <= ApiErrors.MaxMessageLength + 1);
    }
}
