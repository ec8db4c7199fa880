using Descent.Lab.Training;

namespace Descent.Lab.Recipes;

/// <summary>
/// The lecture's closing figure: the learning histories of its optimizers on a small network and real data.
/// TODO tuned values.
/// </summary>
public static class LectureHistoryRecipe
{
    /// <summary>The recipe's name.</summary>
    public const string Name = "lecture-history";

    /// <summary>The recipe: one figure, <c>lecture-history</c>.</summary>
    public static TrainingRecipe Recipe { get; } = new()
    {
        Name = Name,
        Description = "the lecture's optimizers on an MLP 784-256-256-10 on the bundled mnist: training loss and test accuracy",
        Figures =
        [
            new TrainingFigure(
                Name: "lecture-history",
                Title: "The lecture's optimizers on mnist, MLP 784-256-256-10, batch 128",
                Config: new TrainingConfig
                {
                    Dataset = "mnist",
                    Model = "mlp",
                    Optimizers =
                    [
                        "momentum(lr=0.01, momentum=0.9)",
                        "nesterov(lr=0.01, momentum=0.9)",
                        "adagrad(lr=0.01)",
                        "rmsprop(lr=0.001)",
                        "adadelta(lr=1)",
                        "adam(lr=0.001)",
                    ],
                    Epochs = 5,
                    BatchSize = 128,
                    Seed = 1,
                },
                Source: "the lecture's closing learning-history figure",
                Caption: "TODO"),
        ],
    };
}
