using Descent.Lab.Recipes;
using Descent.Lab.Response;
using Descent.Lab.Training;
using Descent.Lab.Trajectory;
using Descent.Training;

namespace Descent.Lab.Render.Tests.Gallery;

/// <summary>Runs each figure with the lab's runner and counts the calls (the gallery asks from several threads).</summary>
public sealed class CountingRunner : IFigureRunner
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public TrajectoryResult Run(TrajectoryFigure figure)
    {
        Interlocked.Increment(ref _calls);
        return RecipeRunner.Instance.Run(figure);
    }

    public ResponseResult Run(ResponseFigure figure)
    {
        Interlocked.Increment(ref _calls);
        return RecipeRunner.Instance.Run(figure);
    }

    public TrainingResult Run(TrainingFigure figure, IProgress<TrainingProgress>? progress = null)
    {
        Interlocked.Increment(ref _calls);
        return RecipeRunner.Instance.Run(figure, progress);
    }

    public Descent.Lab.Sweep.SweepResult Run(SweepRecipeFigure figure)
    {
        Interlocked.Increment(ref _calls);
        return Descent.Lab.Sweep.SweepExperiment.Run(figure.Config);
    }
}
