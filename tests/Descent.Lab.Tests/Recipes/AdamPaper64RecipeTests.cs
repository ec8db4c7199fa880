using Descent.Lab.Recipes;
using Descent.Lab.Sweep;

namespace Descent.Lab.Tests.Recipes;

/// <summary>The statements of the <c>adam-paper-6.4</c> caption, checked against the recipe's own sweep.</summary>
public sealed class AdamPaper64RecipeTests
{
    [Fact]
    public void BiasCorrection_Caption_NumbersAsStated()
    {
        var figure = AdamPaper64Recipe.Recipe.Figure("bias-correction");
        var rows = SweepExperiment.Run(figure.Config).Rows;
        double Corrected(string lr, string b1, string b2) =>
            rows.Single(r => r.Spec == $"adam(lr={lr}, beta1={b1}, beta2={b2})").Outcome.FinalLoss;
        double Uncorrected(string lr, string b1, string b2) =>
            rows.Single(r => r.Optimizer == AdamPaper64Recipe.Uncorrected && r.Values.SequenceEqual([lr, b1, b2])).Outcome.FinalLoss;

        Assert.Equal(60, rows.Count);
        double[] flat = [Corrected("0.001", "0.9", "0.99"), Corrected("0.001", "0.9", "0.999"), Corrected("0.001", "0.9", "0.9999")];
        Assert.All(flat, v => Assert.InRange(v, 0.383, 0.388));
        Assert.Equal(2.11, Uncorrected("0.01", "0.9", "0.9999"), 0.01);
        Assert.Equal(0.33, Corrected("0.01", "0.9", "0.9999"), 0.01);
        Assert.Equal(27, Uncorrected("0.1", "0", "0.9999"), 0.5);
        Assert.True(Uncorrected("1e-05", "0.9", "0.9999") < Corrected("1e-05", "0.9", "0.9999"));
        Assert.Contains("2.11 against 0.33", figure.Caption, StringComparison.Ordinal);
    }
}
