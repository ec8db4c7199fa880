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
/// runs at its authors' usual rate for such a network: Adam and AdamW 1e-3, Lion 3e-4 (Chen et al. advise 3–10× below
/// AdamW; at 1e-4 it trails Adam by 5 points after 4 epochs), Schedule-Free AdamW its default 0.0025, Muon 0.02 on the
/// hidden weights with AdamW at 1e-3 on the rest. Lookahead wraps the lecture's Adam (k 5, α 0.5).
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
        "lookahead(adam(lr=0.25), k=5, alpha=0.5)",
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
            Landscape("hills-and-canyon", "Beyond the lecture on hills-and-canyon: does anything else leave the trap?",
                "Lion leaves the trap, at exactly 0.05 along each axis a step, and ends hopping on that grid by the central minimum, " +
                "at (-0.05, -0.05), 0.12 from it; Adam (0.004 from it), Lookahead around Adam (0.002) and LAMB (0.022) leave too, " +
                "while AdaBelief, Schedule-Free and Muon (never more than 0.022 a step, 0.08 from the trap's bottom at the end) stay. " +
                "Schedule-Free's base sequence z heads for the exit, up to (-1.85, -0.28) at step 11, but the averaged point drawn " +
                "here hardly follows, the gradients taken near it turn z back, and it ends 4e-6 from the trap's bottom at (-2.03, -1.08)."),
            Landscape("wobbly", "Beyond the lecture on wobbly",
                "Every rule but Muon crosses the bumps to the central minimum: Lookahead ends 0.0009 from it, Adam 0.005, AdaBelief " +
                "0.046, Schedule-Free 0.065, LAMB 0.23 and Lion 0.41, at (0.05, -1.25), still hopping; Schedule-Free's z swings " +
                "through the bumps, as far as (0.36, 1.24) at step 12, and is still 0.47 from the averaged point at the end. Muon, " +
                "at most 0.022 a step, is still on its way, 1.25 from the minimum."),
            Landscape("giant-plateau", "Beyond the lecture on the giant plateau",
                "Here the averaged point pays: Schedule-Free's z overshoots far across the well, to (2.24, 2.17) at step 10, but " +
                "the average of its points ends 6e-7 from the minimum, the closest of all. Lookahead's slow weights damp Adam's " +
                "circling too (1e-6 against Adam's 0.0018); LAMB ends 0.0002 away, AdaBelief 0.014, Lion 0.07, hopping between " +
                "(-0.05, -0.05), (0, 0) and (0.05, 0.05), and Muon is still on its way, 1.38 from the minimum."),
        ],
    };

    /// <summary>
    /// The evaluations recipe's rules on Rosenbrock: L-BFGS at torch's defaults (lr 1, up to 20 iterations a step), Adam and
    /// Rprop at their rates of the classic Rosenbrock figure; on hills-and-canyon Adam runs at the lecture's 0.25.
    /// </summary>
    public static IReadOnlyList<string> EvaluationRules { get; } = ["adam(lr=0.2)", "rprop(lr=0.01)", "lbfgs"];

    private static TrajectoryFigure Work(string function, int steps, IReadOnlyList<string> rules, string title, string caption) => new(
        Name: $"beyond-evaluations-{function}",
        Title: title,
        Caption: caption,
        Config: new TrajectoryConfig { Function = function, Optimizers = rules, Convention = Convention.PyTorch, Steps = steps });

    /// <summary>The evaluations recipe: <c>beyond-evaluations-hills-and-canyon</c>, <c>beyond-evaluations-rosenbrock</c>.</summary>
    public static TrajectoryRecipe Evaluations { get; } = new()
    {
        Name = EvaluationsName,
        Description = "L-BFGS against Adam and Rprop, counted in gradient evaluations, on hills-and-canyon and Rosenbrock",
        Figures =
        [
            Work("hills-and-canyon", Steps, ["adam(lr=0.25)", "rprop(lr=0.01)", "lbfgs"],
                "L-BFGS, Adam and Rprop on hills-and-canyon, by gradient evaluations",
                "L-BFGS spends 10 gradient evaluations on its first step and lands with it on the bottom of the trap (loss 6.644, " +
                "where Rprop also settles, 1e-6 from it), then one a step, converged: 134 evaluations for 125 steps, against one " +
                "a step for Adam and Rprop. Only Adam leaves the trap, for the central minimum (0.004 from it)."),
            Work("rosenbrock", 1000, EvaluationRules,
                "L-BFGS, Adam and Rprop on Rosenbrock, by gradient evaluations",
                "The textbook case for L-BFGS: its first three steps spend 20 evaluations each (its max_iter) and bring the loss " +
                "below 1e-6 after 60 evaluations, then one a step (1058 for the 1000 steps). Adam, one evaluation a step, needs " +
                "791 to get there, and Rprop is still 0.14 from (1, 1) after 1000."),
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
                    Optimizers = ["adam(lr=0.001)", "adamw(lr=0.001)", "lion(lr=0.0003)", "schedule-free-adamw", "muon(lr=0.02)"],
                    Epochs = 4,
                    BatchSize = 128,
                    Seed = 1,
                },
                Caption: "Muon wins the race: 91.6% test accuracy after the first epoch and 95.0% after the fourth, against " +
                    "93.8% for Schedule-Free AdamW, 93.3% for Adam, 93.1% for AdamW (its decay barely shows in 4 epochs) and 92.1% " +
                    "for Lion; its test loss, 0.16, is the lowest too (Adam 0.25). Each of its steps orthogonalizes the 784×64 hidden " +
                    "weights' momentum by 5 Newton–Schulz iterations."),
        ],
    };
}
