using System.Net.Http.Json;
using Descent.Functions;
using Descent.Lab;
using Descent.Web.Api;

namespace Descent.Web.Tests;

public sealed class LandscapeApiTests
{
    private static async Task<Landscape> Get(ApiServer server, string function, int? grid = null)
    {
        var answer = await server.PostAsync("/api/landscape", new LandscapeRequest { Function = function, Grid = grid });
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<Landscape>(JsonEndpoint.Options))!;
    }

    [Fact]
    public async Task Landscape_Quadratic_SamplesXSquaredPlusYSquaredRowByRow()
    {
        await using var server = await ApiServer.StartAsync();

        var map = await Get(server, "quadratic", 13);

        Assert.Equal(13, map.Xs.Count);
        Assert.Equal(-3, map.Xs[0]);
        Assert.Equal(3, map.Ys[^1]);
        Assert.Equal(0.5, map.Xs[1] - map.Xs[0], 12);
        for (int j = 0; j < 13; j++)
            for (int i = 0; i < 13; i++)
                Assert.Equal(map.Xs[i] * map.Xs[i] + map.Ys[j] * map.Ys[j], map.Values[j * 13 + i], 12);
        Assert.Equal(FunctionCatalog.LectureContourLevels, map.Levels);
        Assert.Equal("lecture", map.LevelSource);
        Assert.Equal(new KnownMinimum(0, 0, 0), Assert.Single(map.Minima));
    }

    [Fact]
    public async Task Landscape_TypedFormula_DrawsOnTheLectureDomainWithQuantileLevels()
    {
        await using var server = await ApiServer.StartAsync();

        var map = await Get(server, "x^2 + 3*y^2", 31);

        Assert.Equal("formula", map.Kind);
        Assert.Equal(FunctionCatalog.LectureDomain, map.Domain);
        Assert.Equal(FunctionCatalog.LectureStart, map.Start);
        Assert.Equal("quantiles", map.LevelSource);
        Assert.InRange(map.Levels.Count, 10, LandscapeEndpoint.AutomaticLevelCount);
        Assert.True(map.Levels.Zip(map.Levels.Skip(1)).All(p => p.First < p.Second));
        Assert.InRange(map.Levels[0], 0, 36);
        Assert.Equal(3 * 9 + 9, map.Values[^1], 12);
    }

    [Fact]
    public void QuantileLevels_SpreadValues_CutTheAreaIntoEqualBands()
    {
        double[] values = [.. Enumerable.Range(0, 101).Select(i => (double)i), double.NaN, double.PositiveInfinity];

        var levels = LandscapeEndpoint.QuantileLevels(values, 4);

        Assert.Equal([20.0, 40, 60, 80], levels);
    }

    [Fact]
    public async Task Landscape_BadFormula_Answers400WithTheCaretPosition()
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/landscape", new LandscapeRequest { Function = "x^2 + * y" }));

        Assert.Equal("function", error.Argument);
        Assert.Equal(6, error.Position);
        Assert.Equal("x^2 + * y\n      ^\nExpected a number, x, y, a function or '(' but found '*'.", error.Display);
        Assert.Equal("Expected a number, x, y, a function or '(' but found '*'. (column 7)", error.Message);
    }

    [Fact]
    public async Task Landscape_MisspeltName_SuggestsTheNearestFunction()
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/landscape", new LandscapeRequest { Function = "rosenbrok" }));

        Assert.Equal("function", error.Argument);
        Assert.Null(error.Position);
        Assert.Contains("Did you mean 'rosenbrock'?", error.Message);
    }

    [Fact]
    public async Task Landscape_FormulaOf1001Characters_Answers400()
    {
        await using var server = await ApiServer.StartAsync();
        string formula = "x" + string.Concat(Enumerable.Repeat(" + x", 250));

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/landscape", new LandscapeRequest { Function = formula }));

        Assert.Equal(1001, formula.Length);
        Assert.Equal("function", error.Argument);
        Assert.Equal("The formula has 1001 characters; the page takes at most 1000.", error.Message);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(301)]
    public async Task Landscape_GridOutOfRange_Answers400(int grid)
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/landscape", new LandscapeRequest { Function = "ripple", Grid = grid }));

        Assert.Equal("grid", error.Argument);
        Assert.Equal($"The grid must have between 10 and 300 points per side, got {grid}.", error.Message);
    }

    [Theory]
    [InlineData("{\"function\": \"quadratic\",")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    public async Task Landscape_MalformedRequest_Answers400(string body)
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/landscape", body));

        Assert.Null(error.Argument);
        Assert.StartsWith("The request must be a JSON object", error.Message);
    }
}
