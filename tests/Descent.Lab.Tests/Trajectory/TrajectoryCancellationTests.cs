using System.Diagnostics;
using Xunit.Abstractions;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Tests.Trajectory;

/// <summary>Cancellation reaches inside a step: a smoothed look-ahead step is up to 1,000 gradients, each a place to stop.</summary>
public sealed class TrajectoryCancellationTests(ITestOutputHelper output)
{
    [Fact]
    public void TrajectoryExperiment_CancelledDuringSlowLookAheadSteps_StopsLongBeforeTheRunEnds()
    {
        // A formula near the 1,000-character limit costs microseconds per gradient, so a step of 1,000 look-ahead
        // points costs milliseconds and the 1,024 steps between the old checks took seconds.
        string formula = string.Join(" + ", Enumerable.Range(1, 36).Select(k => $"exp(sin(x*{k})*cos(y/{k}))"));
        Assert.InRange(formula.Length, 900, 1_000);
        var config = new TrajectoryConfig { Function = formula, Optimizers = ["smoothed-nesterov(points=1000)"], Convention = Convention.Lecture, Steps = 2_000 };
        TrajectoryExperiment.Validate(config);
        using var cancel = new CancellationTokenSource();

        // Its own thread, not the thread pool: a pool busy with other tests could start the run only after the
        // cancellation, and the wait would then time the pool, not the run.
        var run = Task.Factory.StartNew(() => TrajectoryExperiment.Run(config, null, cancel.Token), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Thread.Sleep(300);
        Assert.False(run.IsCompleted, "the run should still be working when it is cancelled");
        var clock = Stopwatch.StartNew();
        cancel.Cancel();

        Assert.True(((IAsyncResult)run).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)), "the run never stopped");
        var stopped = clock.Elapsed;
        output.WriteLine($"stopped {stopped.TotalMilliseconds:F1} ms after the cancellation");
        Assert.IsAssignableFrom<OperationCanceledException>(Assert.Single(run.Exception?.InnerExceptions ?? []));
        // Checked every 1,024 steps (the old code), the run went on for about 15 s; checked at every look-ahead
        // gradient it stops within milliseconds. 5 s leaves room for a heavily loaded machine.
        Assert.True(stopped < TimeSpan.FromSeconds(5), $"stopped {stopped.TotalMilliseconds:F0} ms after the cancellation");
    }
}
