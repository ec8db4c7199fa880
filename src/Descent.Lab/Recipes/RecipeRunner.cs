using Descent.Lab.Response;
using Descent.Lab.Training;
using Descent.Lab.Trajectory;
using Descent.Training;

namespace Descent.Lab.Recipes;

/// <summary>
/// Runs recipes: every figure's config is checked before the first one runs (so a bad recipe leaves
/// nothing behind), then each figure runs in order and its result is handed to the caller, which writes
/// its files, before the next one starts. The commands and the gallery run experiments here; the
/// renderers only draw what comes out.
/// </summary>
public sealed class RecipeRunner : IFigureRunner
{
    /// <summary>The runner that runs each figure's experiment.</summary>
    public static RecipeRunner Instance { get; } = new();

    private RecipeRunner() { }

    /// <inheritdoc/>
    public TrajectoryResult Run(TrajectoryFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return TrajectoryExperiment.Run(figure.Config);
    }

    /// <inheritdoc/>
    public ResponseResult Run(ResponseFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return ResponseExperiment.Run(figure.Config);
    }

    /// <inheritdoc/>
    public TrainingResult Run(TrainingFigure figure, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return TrainingExperiment.Run(figure.Config, progress);
    }

    /// <summary>Runs every figure of <paramref name="recipe"/>, handing each result to <paramref name="done"/>; <paramref name="progress"/> gets the fraction of figures done.</summary>
    /// <exception cref="LabInputException">A figure's config is bad; nothing has run.</exception>
    public static IReadOnlyList<TrajectoryResult> RunRecipe(TrajectoryRecipe recipe, Action<TrajectoryFigure, TrajectoryResult>? done = null, Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        foreach (var figure in recipe.Figures) TrajectoryExperiment.Validate(figure.Config);
        return RunEach(recipe.Figures, Instance.Run, done, progress);
    }

    /// <summary>Runs every figure of <paramref name="recipe"/>, handing each result to <paramref name="done"/>; <paramref name="progress"/> gets the fraction of figures done.</summary>
    /// <exception cref="LabInputException">A figure's config is bad; nothing has run.</exception>
    public static IReadOnlyList<ResponseResult> RunRecipe(ResponseRecipe recipe, Action<ResponseFigure, ResponseResult>? done = null, Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        foreach (var figure in recipe.Figures) ResponseExperiment.Validate(figure.Config);
        return RunEach(recipe.Figures, Instance.Run, done, progress);
    }

    /// <summary>
    /// Trains every figure of <paramref name="recipe"/>, handing each result to <paramref name="done"/>;
    /// <paramref name="progress"/> gets the fraction of the recipe's steps done, within each figure too.
    /// </summary>
    /// <exception cref="LabInputException">A figure's config is bad (its dataset and model are checked too); nothing has run.</exception>
    public static IReadOnlyList<TrainingResult> RunRecipe(TrainingRecipe recipe, Action<TrainingFigure, TrainingResult>? done = null, Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        foreach (var figure in recipe.Figures) TrainingExperiment.Validate(figure.Config);
        var results = new List<TrainingResult>(recipe.Figures.Count);
        for (int i = 0; i < recipe.Figures.Count; i++)
        {
            var figure = recipe.Figures[i];
            int index = i, optimizers = figure.Config.Optimizers.Count;
            var report = progress is null ? null : new Reporter(p =>
                progress((index + (p.Run + (double)p.Iteration / Math.Max(1, p.TotalIterations)) / optimizers) / recipe.Figures.Count));
            var result = Instance.Run(figure, report);
            done?.Invoke(figure, result);
            results.Add(result);
            progress?.Invoke((i + 1.0) / recipe.Figures.Count);
        }
        return results;
    }

    private static List<TResult> RunEach<TFigure, TResult>(IReadOnlyList<TFigure> figures, Func<TFigure, TResult> run, Action<TFigure, TResult>? done, Action<double>? progress)
    {
        var results = new List<TResult>(figures.Count);
        for (int i = 0; i < figures.Count; i++)
        {
            var result = run(figures[i]);
            done?.Invoke(figures[i], result);
            results.Add(result);
            progress?.Invoke((i + 1.0) / figures.Count);
        }
        return results;
    }

    // Reports synchronously on the training thread (Progress<T> would post to the thread pool, out of order).
    private sealed class Reporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
