using Descent.Lab.Recipes;

namespace Descent.Lab.Render.Gallery;

/// <summary>
/// <c>descent report</c>: draws every recipe with the bundled defaults into one folder and writes the
/// page that shows them in the lecture's order. The results come from an <see cref="IFigureRunner"/>
/// (the command passes <see cref="RecipeRunner.Instance"/>, which runs the experiments); figures whose
/// config has not changed since the last run are taken from the folder as they are (<see cref="FigureCache"/>)
/// and never asked of the runner.
/// </summary>
public static class GalleryReport
{
    /// <summary>What a run did.</summary>
    public sealed record Outcome(string Index, int Figures, int FromCache);

    /// <summary>Builds the gallery in <paramref name="dir"/> from <paramref name="runner"/>'s results; <paramref name="progress"/> gets a label and the fraction done.</summary>
    public static Outcome Write(string dir, IFigureRunner runner, Action<string, double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var cache = new FigureCache(dir);
        var steps = new List<(string Label, Func<Action<double>, GallerySection> Build)>
        {
            ("gradient response", p => ResponseSection.Build(dir, cache, runner, RecipeCatalog.Find<ResponseRecipe>(LectureRecipe.Name), p)),
            ("lecture animations", p => TrajectorySection.Build(dir, cache, runner, RecipeCatalog.Find<TrajectoryRecipe>("lecture-animations"),
                "Paths on the lecture's landscapes",
                "The lecture's animations: Nesterov momentum, RMSProp, Adadelta, Adagrad and Adam started together from (-2.8, -2.5) for 125 steps, " +
                "with Lasagne's formulas, the engine of the lecture's own animations (5 frames per second). Watch Nesterov whirl and fade, RMSProp " +
                "draw hedgehogs where its normalized steps overshoot, and Adam leave the trap on hills-and-canyon.", p)),
            ("Nesterov momentum", p => TrajectorySection.Build(dir, cache, runner, RecipeCatalog.Find<TrajectoryRecipe>("lecture-nesterov"),
                "Nesterov momentum: 0.25, 0.9, 0.975",
                "The lecture's Nesterov suite: the same learning rate (0.01) with little, much and very much momentum. More momentum travels " +
                "farther and crosses small barriers, at the price of overshooting and circling the minimum.", p)),
            ("classic functions", p => TrajectorySection.Build(dir, cache, runner, RecipeCatalog.Find<TrajectoryRecipe>("classics"),
                "Classic test functions",
                "Beyond the lecture: every optimizer of Descent, under PyTorch's formulas, on the test functions the optimization literature " +
                "uses, each from its customary start. Learning rates were chosen per function from a small grid; the captions say what to notice.", p,
                // Stills: every rule's whole path at once says what these figures are for, and ten animations of fifteen paths
                // would be a sixth of the gallery's time.
                animate: false)),
            ("learning histories", p => TrainingSection.Build(dir, cache, runner, RecipeCatalog.Find<TrainingRecipe>(LectureHistoryRecipe.Name), p)),
            ("Adam paper", p => TrainingSection.Build(dir, cache, runner, RecipeCatalog.Find<TrainingRecipe>("adam-paper"), p)),
            ("schedules", p => SchedulesSection.Build(dir, cache, runner, p)),
            ("your own rule", p => TypedRulesSection.Build(dir, cache, runner, p)),
            ("beyond the lecture", p => BeyondTheLectureSection.Build(dir, cache, runner, p)),
            ("how forgiving", p => SweepSection.Build(dir, cache, runner, p)),
        };
        // The sections are independent (each figure writes only its own files), so they run side by side on the cores:
        // the long training section first, the trajectory sections beside it. The page keeps the lecture's order.
        var sections = new GallerySection[steps.Count];
        var done = new double[steps.Count];
        var gate = new object();
        int[] order = [.. Enumerable.Range(0, steps.Count).OrderBy(i => steps[i].Label == "Adam paper" ? 0 : 1)];
        Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, index =>
        {
            var (label, build) = steps[index];
            sections[index] = build(f =>
            {
                lock (gate)
                {
                    done[index] = f;
                    progress?.Invoke(label, done.Sum() / steps.Count);
                }
            });
        });
        GalleryPage.Write(dir, "Descent: the lecture on optimizers, in figures",
            "Every figure of the lecture on neural-network optimizers, recomputed by Descent, and more. Each figure names the optimizer specs and " +
            "the convention that drew it, and links to the data behind it. Re-running `descent report` redraws only what changed.",
            sections);
        return new Outcome(Path.Combine(dir, "index.html"), sections.Sum(s => s.Figures.Count), cache.Hits);
    }
}
