namespace Descent.Functions.Tests;

public class LectureLandscapeTests
{
    public static TheoryData<string> Landscapes => new(ReferenceValues.DescentNames.Values);

    [Fact]
    public void ReferenceFile_Landscapes_AreExactlyTheSevenLectureLandscapes()
    {
        Assert.Equal(ReferenceValues.DescentNames.Keys.Order(), ReferenceValues.Keys.Order());
        Assert.Equal(
            ["quadratic", "wobbly", "basins-and-walls", "ripple", "giant-plateau", "hills-and-canyon", "two-minimums"],
            FunctionCatalog.All.Where(e => e.Kind == FunctionKind.Lecture).Select(e => e.Name));
    }

    [Theory]
    [MemberData(nameof(Landscapes))]
    public void Landscape_ProbePoints_MatchPyTorchWithin1e9(string name)
    {
        Objective f = FunctionCatalog.Find(name).Objective;
        foreach (ReferenceValues.Probe p in ReferenceValues.For(name))
        {
            double value = f.ValueAndGradient(p.X, p.Y, out double dx, out double dy);
            Assert.True(Math.Abs(value - p.Value) <= 1e-9, $"{name} value at ({p.X}, {p.Y}): {value:R} vs {p.Value:R}");
            Assert.True(Math.Abs(dx - p.Dx) <= 1e-9, $"{name} ∂x at ({p.X}, {p.Y}): {dx:R} vs {p.Dx:R}");
            Assert.True(Math.Abs(dy - p.Dy) <= 1e-9, $"{name} ∂y at ({p.X}, {p.Y}): {dy:R} vs {p.Dy:R}");
            Assert.Equal(value, f.Value(p.X, p.Y));
        }
    }

    [Theory]
    [MemberData(nameof(Landscapes))]
    public void Landscape_ProbePoints_MatchPyTorchToRoundingError(string name)
    {
        // The formulas are the lecture's, so only rounding differs from autograd: a few ulps of the terms.
        Objective f = FunctionCatalog.Find(name).Objective;
        foreach (ReferenceValues.Probe p in ReferenceValues.For(name))
        {
            double value = f.ValueAndGradient(p.X, p.Y, out double dx, out double dy);
            Assert.True(Math.Abs(value - p.Value) <= 1e-12 * (1 + Math.Abs(p.Value)), $"{name} value at ({p.X}, {p.Y}): {value:R} vs {p.Value:R}");
            Assert.True(Math.Abs(dx - p.Dx) <= 1e-12 * (1 + Math.Abs(p.Dx)), $"{name} ∂x at ({p.X}, {p.Y}): {dx:R} vs {p.Dx:R}");
            Assert.True(Math.Abs(dy - p.Dy) <= 1e-12 * (1 + Math.Abs(p.Dy)), $"{name} ∂y at ({p.X}, {p.Y}): {dy:R} vs {p.Dy:R}");
        }
    }

    /// <summary>Each landscape spelled out the way a user would type it, close to the lecture's Python.</summary>
    public static TheoryData<string, string> TypedSpellings => new()
    {
        { "quadratic", "x**2+y**2" },
        { "wobbly", "(x**2 + y**2)/3 + abs(x)*sqrt(abs(x) + 0.1) + 3*sin(x + y) + 3.0 + 8*exp(-2*((x + 1)**2+(y + 2)**2))" },
        { "basins-and-walls", "(x**2 + y**2)/2 + sin(x*4)**2" },
        { "ripple", "(x**2 + y**2)/3 + (sin(x*20)**2 + sin(y*20)**2)/15" },
        { "giant-plateau", "4*(1-exp(-((x)**2+(y)**2)))" },
        {
            "hills-and-canyon",
            "(x**2 + y**2)/3 + 3*exp(-((x + 1)**2+(y + 2)**2)) + exp(-1.5*(2*(x + 2)**2+(y -0.5)**2))"
            + " + 3*exp(-1.5*((x -1)**2+2*(y + 1.5)**2)) + 1.5*exp(-((x + 1.5)**2+3*(y + 0.5)**2)) + 4*(1 - exp(-((x + y)**2)))"
        },
        { "two-minimums", "4-0.5*exp(-((x + 2.5)**2+(y + 2.5)**2))-3*exp(-((x)**2+(y)**2))" },
    };

    [Theory]
    [MemberData(nameof(TypedSpellings))]
    public void TypedFormula_SpellingOutLandscape_IsBitIdenticalToBuiltIn(string name, string typed)
    {
        Objective builtIn = FunctionCatalog.Find(name).Objective;
        Objective user = FunctionCatalog.Resolve(typed);
        Assert.Equal(FunctionKind.Formula, user.Kind);
        var points = ReferenceValues.For(name).Select(p => (p.X, p.Y)).ToList();
        for (int i = 0; i <= 24; i++)
            for (int j = 0; j <= 24; j++)
                points.Add((-3 + i * 0.25 + 0.013, -3 + j * 0.25 - 0.007));
        foreach (var (x, y) in points)
        {
            double a = builtIn.ValueAndGradient(x, y, out double adx, out double ady);
            double b = user.ValueAndGradient(x, y, out double bdx, out double bdy);
            Assert.Equal(BitConverter.DoubleToInt64Bits(a), BitConverter.DoubleToInt64Bits(b));
            Assert.Equal(BitConverter.DoubleToInt64Bits(adx), BitConverter.DoubleToInt64Bits(bdx));
            Assert.Equal(BitConverter.DoubleToInt64Bits(ady), BitConverter.DoubleToInt64Bits(bdy));
            Assert.Equal(BitConverter.DoubleToInt64Bits(a), BitConverter.DoubleToInt64Bits(user.Value(x, y)));
        }
    }

    [Theory]
    [MemberData(nameof(Landscapes))]
    public void Landscape_DrawingSetup_IsTheLectures(string name)
    {
        Objective f = FunctionCatalog.Find(name).Objective;
        Assert.Equal(new Domain(-3, 3, -3, 3), f.Domain);
        Assert.Equal(new Point2(-2.8, -2.5), f.Start);
        Assert.Equal(0.05, f.GridStep);
        Assert.Same(FunctionCatalog.LectureContourLevels, f.ContourLevels);
    }

    [Fact]
    public void LectureContourLevels_AreTheLecturesList()
    {
        // levels = [x/4.0 for x in range(-8, 2*12, 1)] + [6.25, 6.5, 6.75, 7] + list(range(8, 20, 1))
        double[] expected =
        [
            -2, -1.75, -1.5, -1.25, -1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75,
            2, 2.25, 2.5, 2.75, 3, 3.25, 3.5, 3.75, 4, 4.25, 4.5, 4.75, 5, 5.25, 5.5, 5.75,
            6.25, 6.5, 6.75, 7,
            8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
        ];
        Assert.Equal(expected, FunctionCatalog.LectureContourLevels);
    }

    [Fact]
    public void LectureGrid_Arange_Has120ValuesFromMinus3Below3()
    {
        double[] xs = FunctionCatalog.LectureDomain.XValues(FunctionCatalog.LectureGridStep);
        Assert.Equal(120, xs.Length);
        Assert.Equal(-3, xs[0]);
        Assert.Equal(-2.95, xs[1]);
        Assert.True(Math.Abs(xs[^1] - 2.95) < 1e-13, $"last {xs[^1]:R}");
        for (int i = 0; i < xs.Length; i++)
            Assert.True(Math.Abs(xs[i] - (-3 + 0.05 * i)) < 1e-13);
    }
}
