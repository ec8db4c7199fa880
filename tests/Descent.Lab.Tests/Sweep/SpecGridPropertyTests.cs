using System.Globalization;
using CsCheck;
using Descent.Lab.Sweep;
using Descent.Specs;

namespace Descent.Lab.Tests.Sweep;

/// <summary>
/// Any range grid's values read back exactly: each value's text parses to a double that prints as the same text, the ends
/// are the typed ends, and a log range increases. A long run: <c>CsCheck_Iter=100000 dotnet test … --filter SpecGridPropertyTests</c>.
/// </summary>
public sealed class SpecGridPropertyTests
{
    private static readonly Gen<(double A, double B, int N, bool Log)> Range =
        Gen.Select(Gen.Double[-12, 3], Gen.Double[0.01, 8], Gen.Int[2, 60], Gen.Bool)
            .Select((e, span, n, log) => (Math.Pow(10, e), Math.Pow(10, e + span), n, log));

    [Fact]
    public void Expand_AnyRange_ValuesReadBackToTheSameTextWithTheTypedEnds() =>
        Range.Sample(r =>
        {
            string a = OptimizerSpec.FormatNumber(r.A), b = OptimizerSpec.FormatNumber(r.B);
            var grid = SpecGrid.Expand($"sgd(lr=[{a}..{b}:{r.N}{(r.Log ? "log" : "")}])");
            var values = grid.Axes[0].Values;
            Assert.Equal(r.N, values.Count);
            Assert.Equal(a, values[0]);
            Assert.Equal(b, values[^1]);
            double previous = double.NegativeInfinity;
            foreach (string text in values)
            {
                double v = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                Assert.Equal(text, OptimizerSpec.FormatNumber(v));
                Assert.True(v >= previous, $"{v} after {previous}");
                previous = v;
            }
        }, iter: 2_000);
}
