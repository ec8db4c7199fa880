using Descent.Lab.Recipes;

namespace Descent.Lab.Render.Gallery;

/// <summary>
/// The gallery's "beyond the lecture" section: the rules that came after the lecture on three of its landscapes
/// (<c>beyond-the-lecture</c>), L-BFGS and Rprop against Adam by gradient evaluations (<c>beyond-the-lecture-evaluations</c>)
/// and an MNIST race with equal budgets (<c>beyond-the-lecture-mnist</c>).
/// </summary>
public static class BeyondTheLectureSection
{
    /// <summary>Draws the three recipes' figures from <paramref name="runner"/>'s results (or takes them from the cache).</summary>
    public static GallerySection Build(string dir, FigureCache cache, IFigureRunner runner, Action<double>? progress = null)
    {
        var landscapes = RecipeCatalog.Find<TrajectoryRecipe>(BeyondTheLectureRecipe.Name);
        var evaluations = RecipeCatalog.Find<TrajectoryRecipe>(BeyondTheLectureRecipe.EvaluationsName);
        var mnist = RecipeCatalog.Find<TrainingRecipe>(BeyondTheLectureRecipe.MnistName);
        double total = landscapes.Count + evaluations.Count + mnist.Count;
        // Stills: each rule's whole path at once is what these figures compare, and the evaluations figures need the
        // loss-by-evaluations panel that only a still carries.
        var paths = TrajectorySection.Build(dir, cache, runner, landscapes, "", "",
            f => progress?.Invoke(f * landscapes.Count / total), animate: false);
        var work = TrajectorySection.Build(dir, cache, runner, evaluations, "", "",
            f => progress?.Invoke((landscapes.Count + f * evaluations.Count) / total), animate: false);
        var race = TrainingSection.Build(dir, cache, runner, mnist,
            f => progress?.Invoke((landscapes.Count + evaluations.Count + f * mnist.Count) / total));
        return new GallerySection(BeyondTheLectureRecipe.Name, "Beyond the lecture: the rules that came after",
            "The lecture (2015) ends with Adam. Since then: Lion (a sign of interpolated momentum, found by program search), AdaBelief " +
            "(Adam scaled by the gradient's surprise), LAMB (Adam with a layer-wise trust ratio), Lookahead (slow weights that follow any " +
            "rule), Schedule-Free AdamW (an average of the iterates instead of a schedule) and Muon (orthogonalized momentum for weight " +
            "matrices). First they start beside Adam from the lecture's start on three of its landscapes, at the settings of the reference " +
            "paths Descent matches; then L-BFGS, which spends several gradient evaluations on a step, against Rprop and Adam counted by " +
            "evaluations; last an equal-budget race on the bundled mnist.",
            [.. paths.Figures, .. work.Figures, .. race.Figures]);
    }
}
