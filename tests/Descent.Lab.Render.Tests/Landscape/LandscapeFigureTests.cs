using Descent.Functions;
using Descent.Lab.Render.Landscape;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Descent.Lab.Render.Tests.Landscape;

public class LandscapeFigureTests
{
    [Fact]
    public void LandscapeFigure_LecturePng_IsValidPngOfRequestedSize()
    {
        using var dir = new TempDirectory();
        string file = dir.File("hills.png");

        LandscapeFigure.Save(Scenes.Lecture(), file, 800, 500);

        using var image = Image.Load<Rgba32>(file);
        Assert.Equal(800, image.Width);
        Assert.Equal(500, image.Height);
        Assert.Equal(["hills.png"], dir.Files());
    }

    [Fact]
    public void LandscapeFigure_DefaultSize_Is960By640()
    {
        using var dir = new TempDirectory();
        string file = dir.File("hills.png");

        LandscapeFigure.Save(Scenes.Lecture(), file);

        var info = Image.Identify(file);
        Assert.Equal((960, 640), (info.Width, info.Height));
    }

    [Fact]
    public void LandscapeFigure_Svg_ContainsSvgAndPathLabels()
    {
        using var dir = new TempDirectory();
        string file = dir.File("hills.svg");

        LandscapeFigure.Save(Scenes.Lecture(), file);

        string svg = File.ReadAllText(file);
        Assert.Contains("<svg", svg);
        Assert.Contains("sgd(lr=0.1)", svg);
        Assert.Contains("sgd(lr=0.02)", svg);
        Assert.Contains("walk to (2, 2)", svg);
        Assert.Contains("hills-and-canyon", svg);
    }

    [Fact]
    public void LandscapeFigure_LectureLandscape_LabelsTheLectureLevels()
    {
        // 6.25 is one of the lecture's levels (… 5.75, 6.25, 6.5 …) but not of the automatic ones (multiples of 0.5 here).
        var lecture = Scenes.Lecture();
        using var dir = new TempDirectory();

        LandscapeFigure.Save(lecture, dir.File("lecture.svg"));
        LandscapeFigure.Save(lecture with { ContourLevels = null }, dir.File("automatic.svg"));

        var label = new System.Text.RegularExpressions.Regex(@">\s*6\.25\s*</text>");
        Assert.Matches(label, File.ReadAllText(dir.File("lecture.svg")));
        Assert.DoesNotMatch(label, File.ReadAllText(dir.File("automatic.svg")));
        Assert.Matches(new System.Text.RegularExpressions.Regex(@">\s*6\.5\s*</text>"), File.ReadAllText(dir.File("automatic.svg")));
    }

    [Fact]
    public void LandscapeFigure_PathEnd_DrawnInPathColor()
    {
        // The walk ends at (2, 2), away from other paths; its last point carries the first path color (tab10 blue).
        var scene = new LandscapeScene(Scenes.HillsAndCanyon, [Scenes.Walk("walk", 30)]);
        var plot = LandscapeFigure.Build(scene);
        using var dir = new TempDirectory();
        string file = dir.File("walk.png");
        File.WriteAllBytes(file, plot.GetImageBytes(LandscapeFigure.DefaultWidth, LandscapeFigure.DefaultHeight, ScottPlot.ImageFormat.Png));
        var end = plot.GetPixel(new ScottPlot.Coordinates(2, 2));

        using var image = Image.Load<Rgba32>(file);
        Assert.Equal(new Rgba32(0x1f, 0x77, 0xb4), image[(int)Math.Round(end.X), (int)Math.Round(end.Y)]);
    }

    [Fact]
    public void LandscapeFigure_DivergedPath_DrawsAndLegendSaysDiverged()
    {
        var scene = new LandscapeScene(Scenes.HillsAndCanyon,
            [Scenes.GradientDescent(Scenes.HillsAndCanyon, "sgd(lr=0.1)", 0.1, 30), Scenes.Diverging("adam(lr=100)", 30, divergedAt: 7)]);
        using var dir = new TempDirectory();

        LandscapeFigure.Save(scene, dir.File("d.png"));
        LandscapeFigure.Save(scene, dir.File("d.svg"));

        var legend = LandscapeFigure.Build(scene).Legend.ManualItems.Select(i => i.LabelText).ToArray();
        Assert.Contains("adam(lr=100) (diverged at step 7)", legend);
        Assert.Contains("sgd(lr=0.1)", legend);
        Assert.Contains("diverged at step 7", File.ReadAllText(dir.File("d.svg")));
        Assert.Equal(960, Image.Identify(dir.File("d.png")).Width);
    }

    [Fact]
    public void LandscapeFigure_EdgeCases_NeverThrow()
    {
        var f = Scenes.HillsAndCanyon;
        LandscapePath[] paths =
        [
            new("empty", [], []),
            new("one point", [0.5], [0.5]),
            new("starts at NaN", [double.NaN, 1], [double.NaN, 1]),
            new("mismatched lengths", [0, 1, 2], [0, 1]),
            new("diverged at 0", [1e300], [1e300], 0),
            new("infinite jump", [0, double.PositiveInfinity, 1], [0, 0, 0]),
        ];
        using var dir = new TempDirectory();

        LandscapeFigure.Save(new LandscapeScene(f, paths), dir.File("edge.png"));
        LandscapeFigure.Save(new LandscapeScene(f, []) { Start = null, Heatmap = true }, dir.File("nothing.png"));
        // log(x) is −∞ on the y axis and NaN left of it; sqrt and 1/x give holes and poles.
        LandscapeFigure.Save(new LandscapeScene(Objective.FromFormula("log(x) + y^2"), paths) { Heatmap = true }, dir.File("holes.png"));
        LandscapeFigure.Save(new LandscapeScene(Objective.FromFormula("1/(x*y)"), paths), dir.File("poles.png"));
        LandscapeFigure.Save(new LandscapeScene(Objective.FromFormula("0*x + 0/0"), paths), dir.File("nan.png"));
        LandscapeFigure.Save(new LandscapeScene(Objective.FromFormula("3 + 0*x"), paths), dir.File("flat.png"));
        LandscapeFigure.Save(new LandscapeScene(Objective.FromFormula("exp(700*x)"), paths) { Heatmap = true }, dir.File("huge.png"));
        // A grid step far too fine or too coarse for the rectangle falls back to an even grid.
        LandscapeFigure.Save(new LandscapeScene(f, paths) { GridStep = 1e-12 }, dir.File("fine.png"));
        LandscapeFigure.Save(new LandscapeScene(f, paths) { GridStep = 100, GridPoints = 1 }, dir.File("coarse.png"));

        Assert.Equal(9, dir.Files().Length);
    }

    [Theory]
    [InlineData("rosenbrock")]
    [InlineData("goldstein-price")]
    [InlineData("saddle")]
    public void LandscapeFigure_ClassicWithHeatmap_IsValidPng(string name)
    {
        var f = FunctionCatalog.Find(name).Objective;
        var scene = new LandscapeScene(f, [Scenes.GradientDescent(f, "sgd(lr=1e-4)", 1e-4, 50)]) { Heatmap = true };
        using var dir = new TempDirectory();

        LandscapeFigure.Save(scene, dir.File("c.png"), 640, 480);

        Assert.Equal((640, 480), (Image.Identify(dir.File("c.png")).Width, Image.Identify(dir.File("c.png")).Height));
    }

    [Fact]
    public void LandscapeFigure_UnknownExtension_ThrowsAndWritesNothing()
    {
        using var dir = new TempDirectory();

        Assert.Throws<ArgumentException>(() => LandscapeFigure.Save(Scenes.Lecture(), dir.File("h.bmp")));

        Assert.Empty(dir.Files());
    }
}
