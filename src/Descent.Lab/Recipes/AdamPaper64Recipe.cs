using Descent.Lab.Sweep;

namespace Descent.Lab.Recipes;

/// <summary>
/// <c>adam-paper-6.4</c>: Kingma &amp; Ba's bias-correction study (Adam, ICLR 2015, section 6.4, figure 4): β1 ∈ {0, 0.9},
/// β2 ∈ {0.99, 0.999, 0.9999}, log10 α ∈ {−5, −4, −3, −2, −1}, with bias correction (Descent's <c>adam</c>) and without it (a
/// typed rule: Adam's update with the two corrections left out). The paper trains a variational autoencoder for 10 and 100
/// epochs; here an MLP (64 hidden units) is trained for one epoch on the bundled MNIST, so what is compared is the early phase,
/// where the paper finds the difference largest. The caption is checked by <c>AdamPaper64RecipeTests</c>.
/// </summary>
public static class AdamPaper64Recipe
{
    /// <summary>The recipe's name.</summary>
    public const string Name = "adam-paper-6.4";

    /// <summary>Adam with bias correction: the built-in.</summary>
    public const string Corrected = "adam(lr=[1e-5..1e-1:5log], beta1=[0,0.9], beta2=[0.99,0.999,0.9999])";

    /// <summary>Adam without bias correction, typed: m and v start at zero and are used as they are.</summary>
    public const string Uncorrected = "rule(m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g*g; p = p - lr*m/(sqrt(v) + eps) | lr=[1e-5..1e-1:5log], b1=[0,0.9], b2=[0.99,0.999,0.9999], eps=1e-8)";

    /// <summary>The recipe.</summary>
    public static SweepRecipe Recipe { get; } = new()
    {
        Name = Name,
        Description = "Kingma & Ba 6.4: Adam with and without bias correction over beta1, beta2 and the step size, on the bundled MNIST (MLP, 1 epoch).",
        Figures =
        [
            new SweepRecipeFigure("bias-correction", "Adam with and without bias correction: MNIST MLP, final test loss after 1 epoch",
                new SweepConfig
                {
                    Dataset = "mnist",
                    Model = "mlp",
                    Hidden = [64],
                    Optimizers = [Corrected, Uncorrected],
                    Epochs = 1,
                    Seeds = 1,
                },
                "With bias correction the final loss hardly depends on beta2 at step sizes up to 1e-3 (0.383 to 0.387 at 1e-3 with beta1 = 0.9). " +
                "Without it, beta2 = 0.9999 with large steps goes wrong, as the paper reports: 2.11 against 0.33 with correction at 1e-2 (beta1 = 0.9), " +
                "and 27 at 1e-1 (beta1 = 0). Without correction small steps act larger (v starts near zero), so at 1e-5 the uncorrected rule is ahead. " +
                "Not reproduced: the paper's variational autoencoder and its 10 and 100 epochs; this is one epoch of an MLP on 8,004 MNIST digits."),
        ],
    };
}
