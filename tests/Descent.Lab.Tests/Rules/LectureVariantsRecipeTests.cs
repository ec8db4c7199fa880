using Descent.Lab.Recipes;
using Descent.Lab.Response;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Tests.Rules;

/// <summary>The lecture-variants figures show what their captions say: typed variants equal the built-ins, and the look-ahead numbers.</summary>
public class LectureVariantsRecipeTests
{
    private static ResponseResult Run(string figure) => ResponseExperiment.Run(LectureVariantsRecipe.Recipe.Figure(figure).Config);

    private static double At(ResponseResult result, int curve, int step) => Math.Round(result.Curves[curve].Updates[step - 1], 3);

    [Theory]
    [InlineData("adagrad-no-root")]
    [InlineData("adagrad-abs")]
    [InlineData("smoothed-nesterov")]
    public void LectureVariants_TypedBesideBuiltIn_SameCurveToTheLastBit(string figure)
    {
        var result = Run(figure);

        Assert.Equal(2, result.Curves.Count);
        Assert.Equal(result.Curves[0].Updates, result.Curves[1].Updates);
        Assert.Contains("to the last bit", LectureVariantsRecipe.Recipe.Figure(figure).Caption);
    }

    [Fact]
    public void AdagradNoRoot_Caption_StepDiesLikeOneOverT()
    {
        var u = Run("adagrad-no-root").Curves[1].Updates;
        int step = Enumerable.Range(1, u.Count).First(s => Math.Abs(u[s - 1]) <= Math.Abs(u[0]) / 10);
        Assert.Contains($"a tenth of its first size by step {step}", LectureVariantsRecipe.Recipe.Figure("adagrad-no-root").Caption);
    }

    [Fact]
    public void LookAheadOnRectangles_Caption_MatchesTheRun()
    {
        var r = Run("adam-look-ahead-rectangles");
        Assert.Equal(0.250, At(r, 0, 20));
        Assert.Equal(0.246, At(r, 2, 20));
        Assert.Equal(-0.059, At(r, 1, 21));
        Assert.Equal(0.194, At(r, 0, 21));
        Assert.Equal(0.189, At(r, 2, 21));
    }

    [Fact]
    public void LookAheadOnSaturation_Caption_MatchesTheRun()
    {
        var r = Run("adam-look-ahead-saturation");
        Assert.Equal(0.250, At(r, 0, 40));
        Assert.Equal(0.248, At(r, 2, 40));
        Assert.Equal(0.102, At(r, 1, 41));
        Assert.Equal(0.228, At(r, 0, 41));
        Assert.Equal(0.226, At(r, 2, 41));
    }

    [Fact]
    public void LookAheadOnHillsAndCanyon_Caption_MatchesTheRun()
    {
        var result = TrajectoryExperiment.Run(LectureVariantsRecipe.Paths.Figure("adam-look-ahead-hills-and-canyon").Config);
        var s = result.Summaries.ToList();
        Assert.Equal((-2.03, -1.08, 6.64), (Math.Round(s[1].FinalX, 2), Math.Round(s[1].FinalY, 2), Math.Round(s[1].FinalLoss, 2)));
        Assert.Equal(0.0042, Math.Round(s[0].DistanceToMinimum!.Value, 4));
        Assert.Equal(0.0013, Math.Round(s[2].DistanceToMinimum!.Value, 4));
    }
}
