using Descent.Lab.Response;
using Descent.Lab.Training;
using Descent.Lab.Trajectory;
using Descent.Training;

namespace Descent.Lab.Recipes;

/// <summary>
/// Turns a recipe's figure into its result. The gallery asks one for every figure its cache does not
/// hold, so the renderers only draw results: <see cref="RecipeRunner"/> runs the experiments; a test may
/// count the calls or hand back stored results.
/// </summary>
public interface IFigureRunner
{
    /// <summary>The result of a trajectory figure.</summary>
    TrajectoryResult Run(TrajectoryFigure figure);

    /// <summary>The result of a gradient-response figure.</summary>
    ResponseResult Run(ResponseFigure figure);

    /// <summary>The result of a training figure; <paramref name="progress"/> is told after every step and evaluation.</summary>
    TrainingResult Run(TrainingFigure figure, IProgress<TrainingProgress>? progress = null);

    /// <summary>The result of a sweep figure; by default the sweep run on every core, without a cache.</summary>
    Sweep.SweepResult Run(SweepRecipeFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return Sweep.SweepExperiment.Run(figure.Config);
    }
}
