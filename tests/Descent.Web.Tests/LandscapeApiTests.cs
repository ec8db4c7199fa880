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
    public async Task Landscape_TypedFormula_DrawsOnTheLectureDomainWithRoundLinearLevels()
    {
        await using var server = await ApiServer.StartAsync();

        var map = await Get(server, "x^2 + 3*y^2", 31);

        Assert.Equal("formula", map.Kind);
        Assert.Equal(FunctionCatalog.LectureDomain, map.Domain);
        Assert.Equal(FunctionCatalog.LectureStart, map.Start);
        Assert.Equal("automatic", map.LevelSource);
        Assert.Equal("linear", map.LevelSpacing);
        // Values 0 to 36, whose lowest tenth lies below about 2 (area π·c/√3 of 36): not wide, so a round step
        // of about 36/24, which is 2, strictly inside the range.
        Assert.Equal(Enumerable.Range(1, 17).Select(k => 2.0 * k), map.Levels);
        Assert.Equal(3 * 9 + 9, map.Values[^1], 12);
    }

    [Theory]
    [InlineData("rosenbrock")]
    [InlineData("goldstein-price")]
    [InlineData("rastrigin")]
    [InlineData("saddle")]
    [InlineData("hills-and-canyon")]
    [InlineData("sin(3*x) * cos(2*y) + x^2/4")]
    public async Task Landscape_AnyGrid_DrawsTheLevelsTheFiguresDraw(string function)
    {
        await using var server = await ApiServer.StartAsync();
        var objective = FunctionResolver.Resolve(function);
        // The renderer's own levels for this function (LandscapeGrid asks the same chooser, checked in Descent.Lab.Render.Tests).
        var figure = ContourLevels.For(objective, objective.Domain);

        var coarse = await Get(server, function, 10);
        var fine = await Get(server, function, 300);

        Assert.NotEmpty(figure.Levels);
        Assert.Equal(figure.Levels, coarse.Levels);
        Assert.Equal(figure.Levels, fine.Levels);
        Assert.Equal(figure.Spacing == ContourSpacing.Logarithmic ? "logarithmic" : "linear", fine.LevelSpacing);
    }

    [Fact]
    public async Task Landscape_Rosenbrock_GetsLogarithmicLevelsThroughTheValley()
    {
        await using var server = await ApiServer.StartAsync();

        var map = await Get(server, "rosenbrock");

        // Values from 0 to thousands: levels at 1, 2, 5 × 10^k, so the banana valley gets lines, not only the walls.
        Assert.Equal("logarithmic", map.LevelSpacing);
        Assert.Contains(1.0, map.Levels);
        Assert.Contains(10.0, map.Levels);
        Assert.Contains(100.0, map.Levels);
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
