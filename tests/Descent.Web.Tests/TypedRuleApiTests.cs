using System.Net;
using System.Net.Http.Json;
using Descent.Web.Api;

namespace Descent.Web.Tests;

/// <summary>The page's API reads a typed rule like any spec: its statements, its names as keys, and a caret for an error.</summary>
public sealed class TypedRuleApiTests
{
    [Fact]
    public async Task Spec_TypedRule_AnswersItsStatementsAndKeysAndWritesThemBack()
    {
        await using var server = await ApiServer.StartAsync();

        var answer = await server.PostAsync("/api/spec", new SpecRequest { Spec = "rule(v = mu*v + lr*g; p = p - v | lr=0.01, mu=0.9)", Convention = "lecture" });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var read = (await answer.Content.ReadFromJsonAsync<SpecResult>(JsonEndpoint.Options))!;
        Assert.Equal("rule", read.Name);
        Assert.Equal("v = mu*v + lr*g; p = p - v", read.Statements);
        Assert.Equal("rule(v = mu*v + lr*g; p = p - v | lr=0.01, mu=0.9)", read.Spec);
        Assert.Equal(["lr", "mu", "weight_decay", "decoupled_weight_decay", "schedule", "clip_norm", "clip_value"], read.Keys.Select(k => k.Name));
        Assert.Equal(new SpecValue("mu", "number", "0.9", "0.9", true), read.Keys[1]);
    }

    [Fact]
    public async Task Spec_TypedRuleWithAnUnknownName_400WithThePositionInTheSpecText()
    {
        await using var server = await ApiServer.StartAsync();
        const string spec = "rule( v = mu*v + lr*q; p = p - v | lr=0.01, mu=0.9)";

        var answer = await server.PostAsync("/api/spec", new SpecRequest { Spec = spec });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var error = await ApiServer.ErrorOf(answer);
        Assert.Equal("spec", error.Argument);
        Assert.StartsWith("Unknown name 'q'. Did you mean", error.Message);
        Assert.Equal(spec.IndexOf("*q", StringComparison.Ordinal) + 1, error.Position);
    }

    [Fact]
    public async Task Trajectory_TypedRuleInTheOptimizers_RunsLikeTheBuiltIn()
    {
        await using var server = await ApiServer.StartAsync();

        var answer = await server.PostAsync("/api/trajectory", new TrajectoryRequest
        {
            Function = "quadratic",
            Optimizers = ["momentum(lr=0.01, momentum=0.9)", "rule(v = mu*v + lr*g; p = p - v | lr=0.01, mu=0.9)"],
            Convention = "lecture",
            Steps = 50,
        });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        string body = await answer.Content.ReadAsStringAsync();
        Assert.Contains("rule(v = mu*v", body);
        Assert.DoesNotContain("\"error\"", body);
    }
}
