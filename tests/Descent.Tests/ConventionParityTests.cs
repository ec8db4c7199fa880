using System.Globalization;
using Descent.Specs;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Descent.Tests;

/// <summary>
/// Descent's <c>lasagne</c> and <c>lecture</c> conventions against an independent NumPy transcription of
/// CONVENTIONS.md (Reference/convention_trajectories.json, tools/reference/convention_reference.py):
/// every step within 1e-10, absolute or relative. Specs leave some keys out on purpose, so the
/// convention's defaults are checked too. Look-ahead rules get the closed-form gradient as oracle.
/// </summary>
public sealed class ConventionParityTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-10;

    [Theory]
    [ConventionCases("lecture", "momentum")]
    [ConventionCases("lecture", "nesterov")]
    [ConventionCases("lecture", "smoothed-nesterov")]
    [ConventionCases("lecture", "adagrad")]
    [ConventionCases("lecture", "rmsprop")]
    [ConventionCases("lecture", "adadelta")]
    [ConventionCases("lecture", "adam")]
    [ConventionCases("lecture", "adamax")]
    [ConventionCases("lasagne", "sgd")]
    [ConventionCases("lasagne", "momentum")]
    [ConventionCases("lasagne", "nesterov")]
    [ConventionCases("lasagne", "adagrad")]
    [ConventionCases("lasagne", "rmsprop")]
    [ConventionCases("lasagne", "adadelta")]
    [ConventionCases("lasagne", "adam")]
    [ConventionCases("lasagne", "adamax")]
    public void Convention_ReferenceCase_MatchesCONVENTIONSFormulaEveryStep(string id)
    {
        var data = PyTorchReference.Conventions;
        var c = data[id];
        var options = OptimizerCatalog.Resolve(c.Spec, OptimizerCatalog.ParseConvention(c.Convention));
        var optimizer = options.Create<double>(c.Start.Length);
        double[] p = [.. c.Start];
        int t = 0;
        GradientOracle<double> oracle = (point, g) => ParityObjective.Gradient(data, c.Objective, t, point, g);
        double worst = 0;
        for (t = 1; t <= c.Steps; t++)
        {
            optimizer.Step(p, oracle);
            double[] expected = c.Trajectory[t - 1];
            for (int i = 0; i < p.Length; i++)
            {
                double deviation = Math.Abs(p[i] - expected[i]) / Math.Max(1, Math.Abs(expected[i]));
                if (!(deviation <= Tolerance))
                    throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                        $"{c.Id} {c.Spec} ({c.Convention}): step {t}, p[{i}] = {p[i]:R}, formula {expected[i]:R} (deviation {deviation:E2} > {Tolerance:E0})."));
                worst = Math.Max(worst, deviation);
            }
        }
        output.WriteLine($"{c.Id} {c.Spec}: worst deviation {worst:E2}");
    }

    [Fact]
    public void ConventionReferenceFile_CoversEveryRuleEachConventionDefines()
    {
        var cases = PyTorchReference.Conventions.Cases;
        Assert.True(cases.Count >= 40);
        foreach (string rule in new[] { "momentum", "nesterov", "smoothed-nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamax" })
            Assert.Contains(cases, c => c.Convention == "lecture" && c.Rule == rule);
        foreach (string rule in new[] { "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamax" })
            Assert.Contains(cases, c => c.Convention == "lasagne" && c.Rule == rule);
        Assert.Contains(cases, c => c.Convention == "lasagne" && c.Spec.Contains("amsgrad=true", StringComparison.Ordinal));
    }
}
