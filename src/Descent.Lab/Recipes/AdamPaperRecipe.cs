using Descent.Lab.Training;

namespace Descent.Lab.Recipes;

/// <summary>
/// Kingma &amp; Ba's Figures 1–2. TODO tuned values.
/// </summary>
public static class AdamPaperRecipe
{
    /// <summary>The recipe's name.</summary>
    public const string Name = "adam-paper";

    private static readonly string[] Optimizers =
    [
        "adam(lr=0.001, beta1=0.9, beta2=0.999)",
        "adagrad(lr=0.01)",
        "rmsprop(lr=0.001)",
        "sgd(lr=0.01, momentum=0.9, nesterov=true)",
        "adadelta(lr=1)",
    ];

    /// <summary>The recipe: <c>adam-paper-logreg</c> (Figure 1) and <c>adam-paper-mlp</c> (Figure 2).</summary>
    public static TrainingRecipe Recipe { get; } = new()
    {
        Name = Name,
        Description = "Kingma & Ba's Figures 1-2: logistic regression and the 2x1000 MLP on mnist, batch 128, five optimizers",
        Figures =
        [
            new TrainingFigure("adam-paper-logreg", "Logistic regression on mnist, batch 128 (Kingma & Ba, Figure 1)",
                new TrainingConfig { Dataset = "mnist", Model = "logreg", Optimizers = Optimizers, Epochs = 5, BatchSize = 128, Seed = 1 },
                Source: "Kingma & Ba (2015), Figure 1", Caption: "TODO"),
            new TrainingFigure("adam-paper-mlp", "MLP 784-1000-1000-10 on mnist, batch 128 (Kingma & Ba, Figure 2)",
                new TrainingConfig { Dataset = "mnist", Model = "mlp", Hidden = [1000, 1000], Optimizers = Optimizers, Epochs = 5, BatchSize = 128, Seed = 1 },
                Source: "Kingma & Ba (2015), Figure 2", Caption: "TODO"),
        ],
    };
}
