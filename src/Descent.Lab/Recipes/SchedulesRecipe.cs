using Descent.Lab.Training;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Recipes;

/// <summary>
/// Learning-rate schedules, in two recipes: <c>schedules</c> (Adam from the lecture's start on
/// hills-and-canyon under every schedule family, each figure beside constant-rate Adam) and
/// <c>schedules-mnist</c> (warm-up then cosine decay against a constant rate on a small MLP on the bundled
/// mnist). Every schedule keeps Adam's other settings; <c>onecycle</c> and <c>cyclic</c> are given
/// <c>cycle_momentum=false</c> so that only the learning rate differs between the paths.
/// </summary>
/// <remarks>
/// Adam at 0.25 is the lecture's setting, under which constant-rate Adam alone of the lecture's rules leaves the trap of
/// hills-and-canyon (at 0.1 every schedule stays in it). On mnist, Adam at 0.01 (ten times its default) is where a
/// constant rate visibly suffers; the MLP has one hidden layer of 64 so the figure costs about 2 CPU-seconds
/// (mnist: 8,004 training digits, 63 steps of batch 128 per epoch, so the warm-up is the first epoch).
/// </remarks>
public static class SchedulesRecipe
{
    /// <summary>The trajectory recipe's name.</summary>
    public const string Name = "schedules";

    /// <summary>The training recipe's name.</summary>
    public const string MnistName = "schedules-mnist";

    /// <summary>The landscape every trajectory figure runs on.</summary>
    public const string Function = "hills-and-canyon";

    /// <summary>The learning rate every Adam starts from (the peak of <c>onecycle</c> and <c>cyclic</c>).</summary>
    public const string LearningRate = "0.25";

    /// <summary>Steps of every path: the lecture's 125.</summary>
    public const int Steps = 125;

    /// <summary>Adam at <see cref="LearningRate"/>, and the same under <paramref name="schedule"/>.</summary>
    internal static string Adam(string? schedule = null) => schedule is null ? $"adam(lr={LearningRate})" : $"adam(lr={LearningRate}, schedule={schedule})";

    private static TrajectoryFigure Landscape(string name, string title, string caption, params string[] schedules) => new(
        Name: name,
        Title: title,
        Caption: caption,
        Config: new TrajectoryConfig
        {
            Function = Function,
            Optimizers = [Adam(), .. schedules.Select(s => Adam(s))],
            Convention = Convention.PyTorch,
            Steps = Steps,
        });

    /// <summary>The trajectory recipe: <c>schedules-decay</c>, <c>schedules-warm-up</c>, <c>schedules-cycles</c>.</summary>
    public static TrajectoryRecipe Recipe { get; } = new()
    {
        Name = Name,
        Description = "Adam (lr=0.25) on hills-and-canyon under every schedule family, each beside constant-rate Adam, with the learning-rate panel",
        Figures =
        [
            Landscape("schedules-decay", "Decaying the learning rate: step, exponential, cosine, plateau",
                "All five leave the trap near (-2.03, -1.08) for the central basin, but a rate cut too soon stops short of the minimum. " +
                "Constant Adam ends 0.004 from it and cosine 0.010; step (x0.3 every 40 steps, 0.0068 at the end) ends 0.065 away, and " +
                "exponential (x0.97 per step, 0.0057 at the end) and plateau (halved 4 times, to 0.0156) end 0.29 away.",
                "step(step_size=40, gamma=0.3)", "exponential(gamma=0.97)", "cosine(t_max=125)", "plateau(factor=0.5, patience=5)"),
            Landscape("schedules-warm-up", "Warming up: linear warm-up then cosine, one cycle",
                "Starting small costs time and, on this smooth landscape, buys nothing: the warm-up (0.025 rising to 0.25 over 15 steps, " +
                "then cosine) ends 0.003 from the minimum and onecycle (0.01 up to 0.25 at step 38, then down to 1e-6) 0.004, as constant " +
                "Adam does, but at step 60 their losses are 0.149 and 0.286 against constant Adam's 0.091.",
                "sequential(linear(start_factor=0.1, total_iters=15), cosine(t_max=110), milestones=[15])",
                "onecycle(max_lr=0.25, total_steps=125, cycle_momentum=false)"),
            Landscape("schedules-cycles", "Cycling the learning rate: cosine with restarts, cyclic",
                "Each rise of the rate shakes the path loose again. Cosine with restarts jumps back to 0.25 at steps 26 and 76 and ends " +
                "0.020 from the minimum, still at 0.129; cyclic (0.025 to 0.25 and back every 40 steps) ends 0.011 away, constant Adam 0.004.",
                "cosine-restarts(t_0=25, t_mult=2)", "cyclic(base_lr=0.025, max_lr=0.25, step_size_up=20, cycle_momentum=false)"),
        ],
    };

    /// <summary>The training recipe: <c>schedules-mnist</c>.</summary>
    public static TrainingRecipe Mnist { get; } = new()
    {
        Name = MnistName,
        Description = "warm-up + cosine against a constant learning rate: Adam (lr=0.01) on an MLP 784-64-10 on the bundled mnist, 4 epochs",
        Figures =
        [
            new TrainingFigure(
                Name: "schedules-mnist",
                Title: "Warm-up + cosine against a constant rate: Adam (lr=0.01), MLP 784-64-10 on mnist, batch 128, 4 epochs",
                Config: new TrainingConfig
                {
                    Dataset = "mnist",
                    Model = "mlp",
                    Hidden = [64],
                    Optimizers =
                    [
                        "adam(lr=0.01)",
                        "adam(lr=0.01, schedule=sequential(linear(start_factor=0.1, total_iters=63), cosine(t_max=189), milestones=[63]))",
                    ],
                    Epochs = 4,
                    BatchSize = 128,
                    Seed = 1,
                },
                Caption: "At lr=0.01, ten times Adam's default, a constant rate keeps bouncing: its test accuracy falls from 93.4% to 92.4% in " +
                    "the third epoch and ends at 93.5%, with a last-epoch training loss of 0.160. Warming up over the first epoch (0.001 to 0.01, " +
                    "63 steps) and then decaying by cosine to nearly 0 ends at 95.2% (test loss 0.160 against 0.219) and halves the last " +
                    "epoch's training loss (0.079)."),
        ],
    };
}
