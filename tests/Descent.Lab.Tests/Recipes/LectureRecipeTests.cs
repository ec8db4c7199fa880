using System.Globalization;
using System.Text.RegularExpressions;
using Descent.Lab.Recipes;
using Descent.Lab.Response;
using Descent.Specs;

namespace Descent.Lab.Tests.Recipes;

public class LectureRecipeTests
{
    private const double Tolerance = 1e-9;

    // The lecture's method labels, the figure-name suffix and the spec key that carries the lecture's
    // parameter (shared/reference/README.md).
    private static readonly Dictionary<string, (string Slug, string Key)> Methods = new()
    {
        ["GRAD_Simple_Momentum"] = ("momentum", "momentum"),
        ["GRAD_Nesterov"] = ("nesterov", "momentum"),
        ["GRAD_Smoothed_Nesterov"] = ("smoothed-nesterov", "momentum"),
        ["GRAD_Adagrad"] = ("adagrad", "eps"),
        ["GRAD_RMSProp"] = ("rmsprop", "rho"),
        ["GRAD_AdadeltaZeroStart"] = ("adadelta-zero-start", "rho"),
        ["GRAD_AdadeltaBigStart"] = ("adadelta-big-start", "rho"),
        ["GRAD_Adam"] = ("adam", "beta1"),
    };

    public static TheoryData<string, string, string> ReferenceCurves()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (signal, method, param) in LectureReference.Curves()) data.Add(signal, method, param);
        return data;
    }

    private static string FigureName(string signalLabel, string method) => $"{signalLabel.Replace(' ', '-')}-{Methods[method].Slug}";

    [Theory]
    [MemberData(nameof(ReferenceCurves))]
    public void LectureRecipe_ReferenceCurve_MatchesLectureWithin1e9(string signalLabel, string method, string param)
    {
        var figure = RecipeCatalog.Find<ResponseRecipe>("lecture").Figure(FigureName(signalLabel, method));
        var expected = LectureReference.Get(signalLabel).Methods[method][param];
        double paramValue = double.Parse(param, CultureInfo.InvariantCulture);

        int index = figure.Config.Optimizers.ToList().FindIndex(spec =>
            double.Parse(OptimizerSpec.Parse(spec)[Methods[method].Key]!, CultureInfo.InvariantCulture) == paramValue);
        Assert.True(index >= 0, $"no spec of {figure.Name} sets {Methods[method].Key}={param}: {string.Join(" | ", figure.Config.Optimizers)}");

        var curve = ResponseExperiment.Run(figure.Config).Curves[index];

        Assert.Equal(expected.Length, curve.Updates.Count);
        for (int t = 0; t < expected.Length; t++)
            Assert.True(Math.Abs(curve.Updates[t] - expected[t]) <= Tolerance,
                $"{figure.Name} {curve.Optimizer}, step {t + 1}: got {curve.Updates[t]:R}, lecture {expected[t]:R}");
    }

    [Fact]
    public void LectureRecipe_Figures_CoverEveryReferenceCurveOnce()
    {
        var recipe = LectureRecipe.Recipe;
        Assert.Equal(48, recipe.Figures.Count);
        Assert.Equal(144, recipe.Figures.Sum(f => f.Config.Optimizers.Count));
        var expectedNames = LectureReference.Curves().Select(c => FigureName(c.Signal, c.Method)).Distinct().Order();
        Assert.Equal(expectedNames, recipe.Figures.Select(f => f.Name).Order());
    }

    [Fact]
    public void LectureRecipe_Figures_UseLectureConventionAndInterpolationAndFileFriendlyNames()
    {
        foreach (var figure in LectureRecipe.Recipe.Figures)
        {
            Assert.Matches(new Regex("^[a-z0-9]+(-[a-z0-9]+)*$"), figure.Name);
            Assert.False(string.IsNullOrWhiteSpace(figure.Title));
            Assert.Equal(Convention.Lecture, figure.Config.Convention);
            Assert.Equal(Interpolation.Lecture, figure.Config.Interpolation);
            Assert.Equal(3, figure.Config.Optimizers.Count);
            Assert.Null(figure.Config.Steps);
        }
    }

    [Fact]
    public void RecipeCatalog_Lecture_IsAResponseRecipe()
    {
        var recipe = RecipeCatalog.Find("lecture");
        Assert.Equal("response", recipe.Experiment);
        Assert.Same(LectureRecipe.Recipe, RecipeCatalog.Find<ResponseRecipe>(" Lecture "));
        Assert.Contains(RecipeCatalog.Entries, r => r.Name == "lecture" && r.Description.Length > 0 && r.Count == 48);
    }

    [Fact]
    public void RecipeCatalog_UnknownName_ListsValidNames()
    {
        var e = Assert.Throws<LabInputException>(() => RecipeCatalog.Find<ResponseRecipe>("lectur"));
        Assert.Equal("recipe", e.Argument);
        Assert.Contains("'lectur'", e.Message);
        Assert.Contains("lecture", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ResponseRecipe_UnknownFigure_ListsValidNames()
    {
        var e = Assert.Throws<LabInputException>(() => LectureRecipe.Recipe.Figure("rectangles-adamw"));
        Assert.Contains("rectangles-adam,", e.Message);
    }
}
