using System.Text.RegularExpressions;
using Descent.Web.Api;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Descent.Web.Tests;

public sealed class PlaygroundBrowserTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly PageWaitForFunctionOptions Patient = new() { Timeout = 30_000 };

    private async Task Screenshot(IPage page, string name)
    {
        string path = Path.Combine(BrowserFixture.ArtifactDirectory, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    private static Task<string> Readout(IPage page) => page.InnerTextAsync("#loss-readout tbody");

    private static async Task<string[]> RowCells(IPage page, int row) =>
        [.. await page.Locator($"#loss-readout tbody tr:nth-child({row}) td").AllInnerTextsAsync()];

    private static async Task SetLearningRate(IPage page, int card, string value)
    {
        var field = page.Locator($"#optimizers .card:nth-child({card}) input.key-lr");
        await field.FillAsync(value);
        await field.PressAsync("Enter");
    }

    [Fact]
    public async Task Playground_HillsAndCanyonWithAdamAndRmsProp_PathsMoveAndLossChanges()
    {
        var (page, errors) = await browser.OpenAsync();
        await page.SelectOptionAsync("#function-select", "hills-and-canyon");
        await page.ClickAsync("#optimizer-clear");
        await page.SelectOptionAsync("#optimizer-add", "adam");
        await page.ClickAsync("#optimizer-add-button");
        await page.SelectOptionAsync("#optimizer-add", "rmsprop");
        await page.ClickAsync("#optimizer-add-button");
        await SetLearningRate(page, 1, "0.25");
        await SetLearningRate(page, 2, "0.25");
        await page.WaitForFunctionAsync(
            "() => { const t = document.querySelector('#loss-readout tbody').innerText; return t.includes('adam(lr=0.25)') && t.includes('rmsprop(lr=0.25)'); }",
            null, Patient);
        string before = await Readout(page);
        string mapBefore = await page.EvalOnSelectorAsync<string>("#map", "c => c.toDataURL()");
        var adamStart = await RowCells(page, 1);
        Assert.Equal(["-2.8", "-2.5"], adamStart[2..4]);

        await page.EvalOnSelectorAsync("#speed", "e => { e.value = '6'; e.dispatchEvent(new Event('input')); }");
        await page.ClickAsync("#play");
        await page.WaitForFunctionAsync("() => document.querySelector('#step-label').textContent === '125 / 125'", null, Patient);

        string after = await Readout(page);
        Assert.NotEqual(before, after);
        var adam = await RowCells(page, 1);
        var rmsprop = await RowCells(page, 2);
        Assert.NotEqual(adamStart[2..5], adam[2..5]);
        Assert.NotEqual(mapBefore, await page.EvalOnSelectorAsync<string>("#map", "c => c.toDataURL()"));
        // The lecture's point: Adam leaves the trap for the canyon's global minimum (loss ≈ 0.09); RMSProp stays above it.
        double adamLoss = double.Parse(adam[4], System.Globalization.CultureInfo.InvariantCulture);
        double rmspropLoss = double.Parse(rmsprop[4], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(adamLoss < rmspropLoss, $"adam {adamLoss}, rmsprop {rmspropLoss}");
        Assert.Contains("o=adam%28lr%3D0.25%29", page.Url);
        Assert.Contains("f=hills-and-canyon", page.Url);
        Assert.Empty(errors);
        await Screenshot(page, "playground-landscape.png");
    }

    [Fact]
    public async Task Playground_BadFormula_ShowsTheErrorWithACaretUnderTheField()
    {
        var (page, _) = await browser.OpenAsync();

        await page.FillAsync("#function-formula", "x^2 + * y");
        await page.PressAsync("#function-formula", "Enter");
        var error = page.Locator("#function-formula + #function-error");
        await error.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });

        string text = await error.InnerTextAsync();
        Assert.Equal("x^2 + * y\n      ^\nExpected a number, x, y, a function or '(' but found '*'.", text.TrimEnd());
        Assert.Contains("invalid", await page.GetAttributeAsync("#function-formula", "class") ?? "");
        await Screenshot(page, "playground-bad-formula.png");

        await page.FillAsync("#function-formula", "x^2 + 3*y^2");
        await page.PressAsync("#function-formula", "Enter");
        await error.WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 30_000 });
    }

    [Fact]
    public async Task Playground_SharedUrl_RestoresTheWholeSetup()
    {
        var (page, errors) = await browser.OpenAsync("#tab=landscape&f=rosenbrock&c=pytorch&n=300&s=-1.5,2&v=2&o=adam(lr%3D0.05)&o=momentum(lr%3D0.001)");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#loss-readout tbody tr').length === 2", null, Patient);

        Assert.Equal("rosenbrock", await page.InputValueAsync("#function-select"));
        Assert.Equal("pytorch", await page.InputValueAsync("#convention"));
        Assert.Equal("300", await page.InputValueAsync("#steps"));
        Assert.Equal("-1.5, 2", await page.InputValueAsync("#start"));
        Assert.Equal(["adam(lr=0.05)", "momentum(lr=0.001)"], await page.Locator("#optimizers .card code.spec").AllInnerTextsAsync());
        Assert.Equal("0 / 300", await page.InnerTextAsync("#step-label"));
        Assert.Equal(["-1.5", "2"], (await RowCells(page, 1))[2..4]);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Playground_ResponseTab_DrawsCurvesAndMarksABadValueOnItsCard()
    {
        var (page, errors) = await browser.OpenAsync();
        await page.ClickAsync("#tab-response");
        await page.SelectOptionAsync("#signal", "spikes");
        Assert.Equal(3, await page.Locator("#r-optimizers .card").CountAsync());
        Assert.True(await page.IsHiddenAsync("#r-general-error"));
        Assert.Contains("tab=response", page.Url);
        Assert.Contains("rs=spikes", page.Url);
        await Screenshot(page, "playground-response.png");

        var lr = page.Locator("#r-optimizers .card:nth-child(2) input.key-lr");
        await lr.FillAsync("-1");
        await lr.PressAsync("Enter");
        var cardError = page.Locator("#r-optimizers .card:nth-child(2) .card-error");
        await cardError.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });

        // The server refuses the edited spec: the spec, a caret under the key at fault, the library's message.
        string[] lines = (await cardError.InnerTextAsync()).Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Matches(new Regex("^adam\\(lr=-1(, .*)?\\)$"), lines[0]);
        Assert.Equal("     ^", lines[1]);
        Assert.Matches(new Regex("^adam\\(lr=-1(, .*)?\\): lr must be >= 0.*\\.$"), lines[2]);
        Assert.DoesNotContain(errors, e => !e.Contains("400"));
    }

    [Fact]
    public async Task Playground_LectureFigure_LoadsItsWholeSetupAndPlays()
    {
        var (page, errors) = await browser.OpenAsync("#f=quadratic&c=pytorch&o=sgd&v=6");

        await page.SelectOptionAsync("#figure", "lecture-animations/two-minimums");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#loss-readout tbody tr').length === 5", null, Patient);
        await page.WaitForFunctionAsync("() => document.querySelector('#step-label').textContent === '125 / 125'", null, Patient);
        await Screenshot(page, "playground-lecture-figure.png");

        Assert.Equal("two-minimums", await page.InputValueAsync("#function-select"));
        Assert.Equal("lasagne", await page.InputValueAsync("#convention"));
        Assert.Equal(["nesterov(lr=0.01,momentum=0.9)", "rmsprop(lr=0.25)", "adadelta(lr=100)", "adagrad(lr=1.0)", "adam(lr=0.25)"],
            await page.Locator("#optimizers .card code.spec").AllInnerTextsAsync());
        Assert.True(await page.IsVisibleAsync("#figure-caption"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Playground_ClearedOptimizers_StayClearedAfterReload()
    {
        var (page, errors) = await browser.OpenAsync();
        // Before any change: the lecture's suite, as its recipe holds it (GET /api/defaults).
        Assert.Equal(Descent.Lab.Recipes.LectureAnimationsRecipe.Optimizers, await page.Locator("#optimizers .card code.spec").AllInnerTextsAsync());
        Assert.Equal("lasagne", await page.InputValueAsync("#convention"));
        await page.ClickAsync("#optimizer-clear");
        await page.WaitForFunctionAsync("() => location.hash.includes('none=o')", null, Patient);

        var (again, _) = await browser.OpenAsync(new Uri(page.Url).Fragment);

        Assert.Equal(0, await again.Locator("#optimizers .card").CountAsync());
        Assert.Equal(3, await again.Locator("#r-optimizers .card").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Playground_ScheduleOnACard_PreviewsTheServersLearningRatesAndRunsWithIt()
    {
        var (page, errors) = await browser.OpenAsync("#f=hills-and-canyon&c=pytorch&n=125&o=adam(lr%3D0.25)");
        var card = page.Locator("#optimizers .card:nth-child(1)");

        await card.Locator("select.schedule-name").SelectOptionAsync("cosine");
        await page.WaitForFunctionAsync("() => document.querySelector('#optimizers .card canvas.lr-preview')?.dataset.steps === '125'", null, Patient);
        Assert.Equal("adam(lr=0.25, schedule=cosine(t_max=125))", await card.Locator("code.spec").InnerTextAsync());
        await page.WaitForFunctionAsync("() => document.querySelector('#loss-readout tbody').innerText.includes('schedule=cosine(t_max=125)')", null, Patient);

        // The preview draws the numbers POST /api/schedule computes for the card's spec: the library's schedule classes.
        string lr = await card.Locator("canvas.lr-preview").GetAttributeAsync("data-lr") ?? "";
        var expected = ScheduleEndpoint.Run(new ScheduleRequest { Optimizer = "adam(lr=0.25, schedule=cosine(t_max=125))", Steps = 125 }, new ApiLimits(), CancellationToken.None);
        Assert.Equal(expected.Lr, lr.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("lr 0.25 → ", await card.Locator(".lr-caption").InnerTextAsync());

        // Typing a schedule's keys: a bad one is marked under the card with the server's message and a caret.
        var text = card.Locator("input.schedule-spec");
        await text.FillAsync("cosine(t_max=0)");
        await text.PressAsync("Enter");
        var cardError = card.Locator(".card-error");
        await cardError.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });
        string[] lines = (await cardError.InnerTextAsync()).Split('\n');
        Assert.Equal("adam(lr=0.25, schedule=cosine(t_max=0))", lines[0]);
        Assert.Equal(new string(' ', 14) + "^", lines[1]);
        Assert.Contains("t_max must be >= 1", lines[2]);

        await text.FillAsync("step(step_size=30, gamma=0.5)");
        await text.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.querySelector('#optimizers .card canvas.lr-preview')?.dataset.lr?.startsWith('0.25,')", null, Patient);
        await cardError.WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 30_000 });
        Assert.Equal("adam(lr=0.25, schedule=step(step_size=30, gamma=0.5))", await card.Locator("code.spec").InnerTextAsync());
        await page.WaitForFunctionAsync("() => location.hash.includes('schedule%3Dstep')", null, Patient);
        await Screenshot(page, "playground-schedule.png");
        Assert.DoesNotContain(errors, e => !e.Contains("400"));
    }

    [Fact]
    public async Task Playground_PlateauSchedule_IsPreviewedFromTheLastRunsLosses()
    {
        var (page, errors) = await browser.OpenAsync("#f=quadratic&c=pytorch&n=60&o=sgd(lr%3D0.5%2C schedule%3Dplateau(patience%3D2%2C factor%3D0.5))");
        var card = page.Locator("#optimizers .card:nth-child(1)");

        // sgd at lr 0.5 on x² + y² lands on the minimum in one step; the loss then stalls at 0, so plateau halves lr.
        await page.WaitForFunctionAsync("() => (document.querySelector('#optimizers .card canvas.lr-preview')?.dataset.lr ?? '').includes('0.25')", null, Patient);
        string caption = await card.Locator(".lr-caption").InnerTextAsync();
        Assert.StartsWith("lr 0.5 → ", caption);
        Assert.DoesNotContain("without the run's losses", caption);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Playground_TypedSpec_IsReadByTheServerAndItsKeysShown()
    {
        var (page, errors) = await browser.OpenAsync("#f=quadratic&c=pytorch&o=sgd");
        var card = page.Locator("#optimizers .card:nth-child(1)");

        await card.Locator("code.spec").ClickAsync();
        var input = card.Locator("input.spec-text");
        await input.FillAsync("RMSprop(alpha=0.9, lr=0.01)");
        await input.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.querySelector('#optimizers .card select.optimizer-name').value === 'rmsprop'", null, Patient);

        Assert.Equal("0.9", await card.Locator("input.key-rho").InputValueAsync());
        Assert.Equal("0.01", await card.Locator("input.key-lr").InputValueAsync());
        Assert.Equal("RMSprop(alpha=0.9, lr=0.01)", await card.Locator("code.spec").InnerTextAsync());

        // Editing a field writes the spec again from the server's values, the changed keys only.
        await SetLearningRate(page, 1, "0.02");
        await page.WaitForFunctionAsync("() => document.querySelector('#optimizers .card code.spec').innerText === 'rmsprop(lr=0.02, rho=0.9)'", null, Patient);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Playground_TypedRuleFromALink_RacesTheClassicsAndItsEditorPointsACaret()
    {
        const string rule = "rule(v = mu*v + lr*grad(p - mu*v); p = p - v | lr=0.01, mu=0.9)";
        var (page, errors) = await browser.OpenAsync($"#tab=landscape&f=hills-and-canyon&c=lecture&o=nesterov(lr%3D0.01)&o={Uri.EscapeDataString(rule)}");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#loss-readout tbody tr').length === 2", null, Patient);
        var card = page.Locator("#optimizers .card:nth-child(2)");

        // The typed rule gets its statements in an editor and its hyperparameters as fields.
        Assert.Equal("v = mu*v + lr*grad(p - mu*v); p = p - v", await card.Locator("textarea.rule-statements").InputValueAsync());
        Assert.Equal("0.9", await card.Locator("input.key-mu").InputValueAsync());
        // Written as the lecture's Nesterov, it runs the lecture's Nesterov: both rows end at the same point.
        await page.EvalOnSelectorAsync("#speed", "e => { e.value = '6'; e.dispatchEvent(new Event('input')); }");
        await page.ClickAsync("#play");
        await page.WaitForFunctionAsync("() => document.querySelector('#step-label').textContent === '125 / 125'", null, Patient);
        var first = await RowCells(page, 1);
        var second = await RowCells(page, 2);
        Assert.Equal(first[2..4], second[2..4]);

        // A typo in the statements: the server's caret under the character, on the card.
        var area = card.Locator("textarea.rule-statements");
        await area.FillAsync("v = mu*v + lr*grad(p - mu*w); p = p - v");
        await area.DispatchEventAsync("change");
        await page.WaitForFunctionAsync("() => document.querySelector('#optimizers .card:nth-child(2) .card-error').hidden === false", null, Patient);
        string shown = await card.Locator(".card-error").InnerTextAsync();
        var lines = shown.Split('\n');
        Assert.Contains("Unknown name 'w'", lines[2]);
        Assert.Equal(lines[0].IndexOf("*w)", StringComparison.Ordinal) + 1, lines[1].IndexOf('^'));
        // The refused spec is a 400 the browser logs; nothing else may go wrong.
        Assert.DoesNotContain(errors, e => !e.Contains("400"));
    }

    [Fact]
    public void BrowserFixture_NoChromium_FailsSayingToInstallThePackage()
    {
        var e = Assert.Throws<InvalidOperationException>(() => BrowserFixture.RequireChromium("/nonexistent/chromium"));

        Assert.Contains("apt-get install -y chromium", e.Message);
        Assert.Contains("/nonexistent/chromium", e.Message);
    }
}
