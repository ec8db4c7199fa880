using System.Diagnostics;
using Xunit.Sdk;

namespace Descent.Testing;

/// <summary>
/// One case of a property or fuzz test under a budget: its own thread, a time limit and an allocation
/// limit. A case that never ends fails after ten budgets instead of hanging the run. Linked into every
/// test project (Directory.Build.props).
/// </summary>
internal static class BoundedRun
{
    /// <summary>Runs <paramref name="work"/>; returns what it threw, if anything, and fails on a broken budget naming <paramref name="shown"/>.</summary>
    public static Exception? Run(Action work, TimeSpan budget, long memoryBudget, string shown = "")
    {
        var task = Task.Factory.StartNew(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            Exception? error = null;
            try
            {
                work();
            }
            catch (Exception e)
            {
                error = e;
            }
            return (error, clock.Elapsed, Allocated: GC.GetAllocatedBytesForCurrentThread() - before);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        string what = shown.Length > 0 ? ": " + shown : ".";
        if (!task.Wait(budget * 10)) throw new XunitException($"Still running after {budget * 10}{what}");
        var (thrown, elapsed, allocated) = task.Result;
        if (elapsed > budget) throw new XunitException($"Took {elapsed.TotalMilliseconds:F0} ms (budget {budget.TotalMilliseconds} ms){what}");
        if (allocated > memoryBudget) throw new XunitException($"Allocated {allocated} bytes (budget {memoryBudget}){what}");
        return thrown;
    }
}
