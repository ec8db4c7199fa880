using System.Diagnostics;
using Xunit.Abstractions;
using Descent.Lab.Response;
using Descent.Lab.Signals;

namespace Descent.Lab.Tests.Response;

/// <summary>Cancellation reaches inside a curve: every step and every look-ahead point is a place to stop.</summary>
public sealed class ResponseCancellationTests(ITestOutputHelper output)
{
    [Fact]
    public void ResponseExperiment_CancelledDuringOneLongCurve_StopsLongBeforeTheCurveEnds()
    {
        // One curve of 100,000 steps × 1,000 look-ahead points: 10⁸ signal reads, seconds of work, and a run that
        // checked only between curves would finish it before noticing.
        var signal = new Signal("long", Enumerable.Range(0, SignalFile.MaxSamples).Select(i => Math.Sin(i / 20.0)));
        var config = new ResponseConfig { Signal = "long", Optimizers = ["smoothed-nesterov(points=1000)"], Convention = Convention.Lecture };
        using var cancel = new CancellationTokenSource();

        // Its own thread, not the thread pool: a pool busy with other tests could start the run only after the
        // cancellation, and the wait would then time the pool, not the run.
        var run = Task.Factory.StartNew(() => ResponseExperiment.Run(config, signal, null, cancel.Token), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Thread.Sleep(200);
        Assert.False(run.IsCompleted, "the run should still be working when it is cancelled");
        var clock = Stopwatch.StartNew();
        cancel.Cancel();

        Assert.True(((IAsyncResult)run).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30)), "the run never stopped");
        var stopped = clock.Elapsed;
        output.WriteLine($"stopped {stopped.TotalMilliseconds:F1} ms after the cancellation");
        Assert.IsAssignableFrom<OperationCanceledException>(Assert.Single(run.Exception?.InnerExceptions ?? []));
        // The curve alone takes 13 s or more here; a run that checked only between curves finished it. Checked at
        // every look-ahead point, the run stops within milliseconds, and 5 s leaves room for a machine loaded
        // many times over (407 ms was seen at a load of 30 on 2 cores) without timing the scheduler.
        Assert.True(stopped < TimeSpan.FromSeconds(5), $"stopped {stopped.TotalMilliseconds:F0} ms after the cancellation");
    }
}
