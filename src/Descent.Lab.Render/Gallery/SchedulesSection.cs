using Descent.Lab.Recipes;

namespace Descent.Lab.Render.Gallery;

/// <summary>
/// The gallery's learning-rate schedules: the <c>schedules</c> landscape figures (stills, each with its
/// learning-rate panel, which an animation would not show) and the <c>schedules-mnist</c> learning history.
/// </summary>
public static class SchedulesSection
{
    /// <summary>Draws both recipes' figures from <paramref name="runner"/>'s results (or takes them from the cache).</summary>
    public static GallerySection Build(string dir, FigureCache cache, IFigureRunner runner, Action<double>? progress = null)
    {
        var landscape = RecipeCatalog.Find<TrajectoryRecipe>(SchedulesRecipe.Name);
        var mnist = RecipeCatalog.Find<TrainingRecipe>(SchedulesRecipe.MnistName);
        int total = landscape.Count + mnist.Count;
        var paths = TrajectorySection.Build(dir, cache, runner, landscape, "", "", f => progress?.Invoke(f * landscape.Count / total), animate: false);
        var history = TrainingSection.Build(dir, cache, runner, mnist, f => progress?.Invoke((landscape.Count + f * mnist.Count) / total));
        return new GallerySection(SchedulesRecipe.Name, "Learning-rate schedules",
            "The schedule key on any optimizer spec (schedule=cosine(t_max=125) …) changes the learning rate step by step, as " +
            "torch.optim.lr_scheduler does, to 1e-12. Each figure has a panel under it with the learning rate every optimizer " +
            "ran at, read from the run. First Adam (lr=0.25) from the lecture's start on hills-and-canyon, under every schedule " +
            "family, each figure beside constant-rate Adam (onecycle and cyclic leave beta1 alone here, so only the rate differs); " +
            "then warm-up and cosine decay on a small network on the bundled mnist.",
            [.. paths.Figures, .. history.Figures]);
    }
}
