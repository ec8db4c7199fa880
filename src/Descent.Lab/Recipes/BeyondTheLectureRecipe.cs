using Descent.Lab.Training;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Recipes;

/// <summary>
/// The rules that came after the lecture (2015): Lion, AdaBelief, LAMB, Lookahead, Schedule-Free AdamW and Muon beside
/// Adam, in three recipes: <c>beyond-the-lecture</c> (the lecture's start on hills-and-canyon, wobbly and the giant
/// plateau, each rule at the settings of the shared reference paths, which Descent matches to 1e-6),
/// <c>beyond-the-lecture-evaluations</c> (L-BFGS and Rprop against Adam, counted in gradient evaluations) and
/// <c>beyond-the-lecture-mnist</c> (Adam, AdamW, Lion, Schedule-Free AdamW and Muon with equal budgets on an MLP).
/// </summary>
/// <remarks>
/// The learning rates are the reference file's: 0.25 for the Adam family (the lecture's Adam), 0.05 for Lion (whose
/// step is exactly lr per coordinate) and 0.02 for Muon (its 1×2 update has about unit length). On mnist each rule
/// runs at its authors' usual rate for such a network: Adam and AdamW 1e-3, Lion 1e-4 (Chen et al. advise 3–10× below
/// AdamW), Schedule-Free AdamW its default 0.0025, Muon 0.02 on the hidden weights with AdamW at 1e-3 on the rest.
/// </remarks>
public static class BeyondTheLectureRecipe
{
    /// <summary>The landscape recipe's name.</summary>
    public const string Name = "beyond-the-lecture";

    /// <summary>The gradient-evaluation recipe's name.</summary>
    public const string EvaluationsName = "beyond-the-lecture-evaluations";

    /// <summary>The training recipe's name.</summary>
    public const string MnistName = "beyond-the-lecture-mnist";

    /// <summary>Steps of every landscape path: the lecture's 125.</summary>
    public const int Steps = 125;

    /// <summary>Adam and the rules beyond the lecture, at the settings of the shared reference paths.</summary>
    public static IReadOnlyList<string> Rules { get; } =
    [
        "adam(lr=0.25)", "lion(lr=0.05)", "adabelief(lr=0.25)", "lamb(lr=0.25)", "schedule-free-adamw(lr=0.25)", "muon(lr=0.02)",
    ];

    private static TrajectoryFigure Landscape(string function, string title, string caption) => new(
        Name: $"beyond-{function}",
        Title: title,
        Caption: caption,
        Config: new TrajectoryConfig { Function = function, Optimizers = Rules, Convention = Convention.PyTorch, Steps = Steps });

    /// <summary>The landscape recipe: <c>beyond-hills-and-canyon</c>, <c>beyond-wobbly</c>, <c>beyond-giant-plateau</c>.</summary>
    public static TrajectoryRecipe Recipe { get; } = new()
    {
        Name = Name,
        Description = "Adam, Lion, AdaBelief, LAMB, Schedule-Free AdamW, Muon and Lookahead from the lecture's start on three of its landscapes",
        Figures =
        [
            Landscape("hills-and-canyon", "Beyond the lecture on hills-and-canyon: does anything else leave the trap?", "CAPTION"),
            Landscape("wobbly", "Beyond the lecture on wobbly", "CAPTION"),
            Landscape("giant-plateau", "Beyond the lecture on the giant plateau", "CAPTION"),
        ],
    };

    /// <summary>The rules of the evaluations recipe: L-BFGS at torch's defaults, Rprop and Adam.</summary>
    public static IReadOnlyList<string> EvaluationRules { get; } = ["adam(lr=0.25)", "rprop(lr=0.05)"];

    private static TrajectoryFigure Work(string function, int steps, string title, string caption) => new(
        Name: $"beyond-evaluations-{function}",
        Title: title,
        Caption: caption,
        Config: new TrajectoryConfig { Function = function, Optimizers = EvaluationRules, Convention = Convention.PyTorch, Steps = steps });

    /// <summary>The evaluations recipe: <c>beyond-evaluations-hills-and-canyon</c>, <c>beyond-evaluations-rosenbrock</c>.</summary>
    public static TrajectoryRecipe Evaluations { get; } = new()
    {
        Name = EvaluationsName,
        Description = "L-BFGS against Rprop and Adam, counted in gradient evaluations, on hills-and-canyon and Rosenbrock",
        Figures =
        [
            Work("hills-and-canyon", Steps, "L-BFGS, Rprop and Adam on hills-and-canyon, by gradient evaluations", "CAPTION"),
            Work("rosenbrock", Steps, "L-BFGS, Rprop and Adam on Rosenbrock, by gradient evaluations", "CAPTION"),
        ],
    };

    /// <summary>The training recipe: <c>beyond-the-lecture-mnist</c>.</summary>
    public static TrainingRecipe Mnist { get; } = new()
    {
        Name = MnistName,
        Description = "Adam, AdamW, Lion, Schedule-Free AdamW and Muon with equal budgets: an MLP 784-64-10 on the bundled mnist, 4 epochs",
        Figures =
        [
            new TrainingFigure(
                Name: "beyond-the-lecture-mnist",
                Title: "Equal budgets: Adam, AdamW, Lion, Schedule-Free AdamW and Muon, MLP 784-64-10 on mnist, batch 128, 4 epochs",
                Config: new TrainingConfig
                {
                    Dataset = "mnist",
                    Model = "mlp",
                    Hidden = [64],
                    Optimizers = ["adam(lr=0.001)", "adamw(lr=0.001)", "lion(lr=0.0001)", "schedule-free-adamw", "muon(lr=0.02)"],
                    Epochs = 4,
                    BatchSize = 128,
                    Seed = 1,
                },
                Caption: "CAPTION"),
        ],
    };
}
