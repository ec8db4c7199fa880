using Descent.Lab.Response;

namespace Descent.Lab.Tests.Response;

public class InterpolationsTests
{
    private static readonly double[] X = [1, 3, 2];

    [Theory]
    // Inside: X[f] + (i − f)·(X[f+1] − X[f]).
    [InlineData(0.25, 1.5)]        // 1 + 0.25·(3 − 1)
    [InlineData(1.5, 2.5)]         // 3 + 0.5·(2 − 3)
    [InlineData(1.0, 3.0)]         // a sample
    [InlineData(2.0, 2.0)]
    [InlineData(2.5, 2.0)]         // [n−1, n): holds the last sample, as the lecture
    [InlineData(3.0, 0.0)]         // past the end: 0, as the lecture
    [InlineData(1e300, 0.0)]
    [InlineData(double.PositiveInfinity, 0.0)]
    [InlineData(-0.5, 1.0)]        // (−1, 0): holds the first sample, as the lecture
    [InlineData(-1.0, 0.0)]        // from −1 down: no signal there
    [InlineData(-7.25, 0.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    public void Linear_HandWorkedIndex_IsTrueLinearInterpolation(double index, double expected) =>
        Assert.Equal(expected, Interpolations.Sample(X, index, Interpolation.Linear));

    [Theory]
    // The script: X[f] + (i − f)·X[c] inside; X[f] when whole or c ≥ n; X[c] when f < 0; Python's negative indexing.
    [InlineData(0.25, 1.75)]       // 1 + 0.25·3
    [InlineData(1.5, 4.0)]         // 3 + 0.5·2
    [InlineData(1.0, 3.0)]
    [InlineData(2.5, 2.0)]
    [InlineData(3.0, 0.0)]
    [InlineData(-0.5, 1.0)]        // f = −1 < 0: X[c] = X[0]
    [InlineData(-1.0, 2.0)]        // whole: X[−1], Python's last sample
    [InlineData(-1.5, 2.0)]        // f = −2 < 0: X[c] = X[−1]
    [InlineData(-3.5, 1.0)]        // X[c] = X[−3] = X[0]
    [InlineData(-4.0, 0.0)]        // Python would raise IndexError
    [InlineData(double.NaN, 0.0)]  // fails the script's `idx < len(X)` guard
    public void Lecture_HandWorkedIndex_IsTheScriptsQuirk(double index, double expected) =>
        Assert.Equal(expected, Interpolations.Sample(X, index, Interpolation.Lecture));

    [Fact]
    public void Linear_BetweenSamples_DiffersFromLectureQuirk() =>
        Assert.NotEqual(Interpolations.Sample(X, 0.5, Interpolation.Lecture), Interpolations.Sample(X, 0.5, Interpolation.Linear));

    [Fact]
    public void Linear_NaNIndex_ReadsNaN() =>
        Assert.True(double.IsNaN(Interpolations.Sample(X, double.NaN, Interpolation.Linear)));

    [Theory]
    [InlineData("linear", Interpolation.Linear)]
    [InlineData(" Lecture ", Interpolation.Lecture)]
    public void Parse_Name_RoundTrips(string text, Interpolation expected)
    {
        Assert.Equal(expected, Interpolations.Parse(text));
        Assert.Equal(expected, Interpolations.Parse(Interpolations.Name(expected)));
    }

    [Fact]
    public void Parse_UnknownName_ListsValidNames()
    {
        var e = Assert.Throws<LabInputException>(() => Interpolations.Parse("cubic"));
        Assert.Equal("interpolation", e.Argument);
        Assert.Contains("linear, lecture", e.Message);
    }
}
