using System.Diagnostics;
using Xunit.Abstractions;
using System.Net;
using System.Text;
using System.Text.Json;
using Descent.Web.Api;

namespace Descent.Web.Tests;

/// <summary>
/// A request's computation ends with it: over its time budget it stops within a fraction of a second, a client that
/// leaves stops it, and a request for unbounded work is refused before any starts. <see cref="ApiWorkload"/> shows
/// whether a worker is still busy.
/// </summary>
public sealed class ApiWorkloadTests(ITestOutputHelper output)
{
    // Eight paths of 10,000 steps × 1,000 look-ahead gradients (8·10⁷, within the Lab's 10⁸) of a formula near the
    // 1,000-character limit: minutes of work if nothing stopped it.
    private static readonly TrajectoryRequest Heavy = new()
    {
        Function = string.Join(" + ", Enumerable.Range(1, 36).Select(k => $"exp(sin(x*{k})*cos(y/{k}))")),
        Optimizers = [.. Enumerable.Repeat("smoothed-nesterov(points=1000)", 8)],
        Convention = "lecture",
        Steps = 10_000,
    };

    private static StringContent Json(object request) =>
        new(JsonSerializer.Serialize(request, request.GetType(), RequestJson.Options), Encoding.UTF8, "application/json");

    private static async Task<bool> Eventually(Func<bool> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > within) return false;
            await Task.Delay(10);
        }
        return true;
    }

    [Fact]
    public async Task Response_BillionLookAheadPoints_RefusedWithinTwoSeconds()
    {
        await using var server = await ApiServer.StartAsync();
        var clock = Stopwatch.StartNew();

        var answer = await server.PostAsync("/api/response", """{"signal":"rectangles","optimizers":["smoothed-nesterov(points=1000000000)"],"steps":1}""");

        // The old server answered this after 16 s; the refusal is immediate, and 10 s only guards against a loaded machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"answered after {clock.Elapsed}");
        var error = await ApiServer.ErrorOf(answer);
        Assert.Equal("optimizer", error.Argument);
        Assert.Equal("smoothed-nesterov(points=1000000000): points: 1000000000 is above the limit 1000 (each point costs one gradient per step).", error.Message);
    }

    [Fact]
    public async Task Trajectory_MoreGradientsThanTheLabAllows_RefusedBeforeAnyWork()
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.Client.PostAsync("/api/trajectory", Json(Heavy with { Optimizers = [.. Enumerable.Repeat("smoothed-nesterov(points=1000)", 12)] })));

        Assert.Equal("steps", error.Argument);
        Assert.Equal("10,000 steps × 12,000 gradients per step (all optimizers, look-ahead points included) = 120,000,000 gradient evaluations, above the limit of 100,000,000; give fewer --steps, optimizers or points.", error.Message);
    }

    [Fact]
    public async Task Trajectory_OverItsBudget_StopsWithinHalfASecondOfTheDeadline()
    {
        var limits = new ApiLimits { TimeBudget = TimeSpan.FromMilliseconds(300) };
        await using var server = await ApiServer.StartAsync(limits);
        var clock = Stopwatch.StartNew();

        var answer = await server.Client.PostAsync("/api/trajectory", Json(Heavy));

        var elapsed = clock.Elapsed;
        output.WriteLine($"answered {elapsed.TotalMilliseconds:F0} ms after the request, budget 300 ms");
        var error = await ApiServer.ErrorOf(answer);
        Assert.StartsWith("The computation took longer than the page's budget of 0.3 s", error.Message);
        // Without checks inside the loops this request runs for minutes; with them it answers just after its budget.
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"answered {elapsed.TotalMilliseconds:F0} ms after the request, budget 300 ms");
        Assert.Equal(0, limits.Workload.Running);
    }

    [Fact]
    public async Task Trajectory_ClientDisconnects_ComputationStopsAndTheServerAnswersTheNext()
    {
        // A real socket on Kestrel, as descent serve runs it: the client closes its connection mid-computation.
        var limits = new ApiLimits { TimeBudget = TimeSpan.FromMinutes(5) };
        await using var app = DescentWeb.Build([], 0, limits);
        await app.StartAsync();
        var address = new Uri(DescentWeb.Address(app));
        using (var leaving = new HttpClient { BaseAddress = address })
        using (var cancel = new CancellationTokenSource())
        {
            var request = leaving.PostAsync("api/trajectory", Json(Heavy), cancel.Token);
            Assert.True(await Eventually(() => limits.Workload.Running == 1, TimeSpan.FromSeconds(10)), "the computation never started");
            await Task.Delay(200);
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        }
        var clock = Stopwatch.StartNew();

        Assert.True(await Eventually(() => limits.Workload.Running == 0, TimeSpan.FromSeconds(10)), "the computation went on after its client left");
        output.WriteLine($"stopped {clock.Elapsed.TotalMilliseconds:F0} ms after the client left");
        // A computation that ignored the disconnect runs for minutes; 10 s is room for a loaded machine, not a speed claim.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stopped {clock.Elapsed.TotalMilliseconds:F0} ms after the client left");
        using var next = new HttpClient { BaseAddress = address };
        var answer = await next.PostAsync("api/trajectory", Json(new TrajectoryRequest { Function = "quadratic", Optimizers = ["adam"] }));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await app.StopAsync();
    }
}
