using Descent.Functions;
using Descent.Lab.Render.Landscape;

namespace Descent.Lab.Render.Tests.Landscape;

public sealed class LandscapeGridTests
{
    [Theory]
    [InlineData("rosenbrock")]
    [InlineData("goldstein-price")]
    [InlineData("rastrigin")]
    [InlineData("saddle")]
    [InlineData("hills-and-canyon")]
    public void Sample_CatalogFunction_DrawsTheSharedChoosersLevels(string name)
    {
        var objective = FunctionCatalog.Find(name).Objective;

        var grid = LandscapeGrid.Sample(new LandscapeScene(objective, []));

        // The page's map (POST /api/landscape) asks ContourLevels.For too: one choice for both.
        var shared = ContourLevels.For(objective, objective.Domain);
        Assert.NotEmpty(grid.Levels);
        Assert.Equal(shared.Levels, grid.Levels);
        Assert.Equal(shared.Spacing, grid.Spacing);
    }

    [Fact]
    public void Sample_FinerOrCoarserGrid_KeepsTheLevels()
    {
        var objective = FunctionCatalog.Find("beale").Objective;

        var coarse = LandscapeGrid.Sample(new LandscapeScene(objective, []) { GridPoints = 40 });
        var fine = LandscapeGrid.Sample(new LandscapeScene(objective, []) { GridPoints = 500 });

        Assert.Equal(coarse.Levels, fine.Levels);
    }

    [Fact]
    public void Sample_LectureLandscapeWithoutItsLevels_ChoosesFromTheValues()
    {
        var objective = FunctionCatalog.Find("ripple").Objective;

        var grid = LandscapeGrid.Sample(new LandscapeScene(objective, []) { ContourLevels = null });

        Assert.Equal(ContourLevels.For(objective with { ContourLevels = null }, objective.Domain).Levels, grid.Levels);
        Assert.NotEqual(FunctionCatalog.LectureContourLevels, grid.Levels);
    }
}
