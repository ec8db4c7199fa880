using Microsoft.Playwright;

namespace Descent.Web.Tests;

public sealed class SweepTabBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly PageWaitForFunctionOptions Patient = new() { Timeout = 30_000 };

    [Fact]
    public async Task SweepTab_RunAndClickACell_ReplaysThatCellsSpecOnTheLandscapeTab()
    {
        var (page, errors) = await browser.OpenAsync();
        await page.ClickAsync("#tab-sweep");
        await page.FillAsync("#sw-optimizers", "adam(lr=[0.01..1:5log])");
        await page.FillAsync("#sw-starts", "2");
        await page.ClickAsync("#sw-run");
        await page.WaitForFunctionAsync("() => document.querySelector('#sw-summary').textContent.includes('good-lr band')", null, Patient);
        Assert.Contains("best adam(lr=", await page.InnerTextAsync("#sw-summary"), StringComparison.Ordinal);

        // The heatmap is one row of five cells between x = 110 and the right edge less 10 of a 900-wide canvas: the last is lr = 1.
        var box = await page.Locator("#sw-map").BoundingBoxAsync();
        await page.Mouse.ClickAsync(box!.X + box.Width * 860 / 900, box.Y + box.Height * 60 / 520);

        await page.WaitForFunctionAsync("() => document.querySelector('#loss-readout tbody').innerText.includes('adam(lr=1)')", null, Patient);
        Assert.False(await page.IsHiddenAsync("#landscape"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task SweepTab_BadGrid_ShowsTheMessageAndTheCaret()
    {
        var (page, _) = await browser.OpenAsync("#tab=sweep");
        await page.FillAsync("#sw-optimizers", "adam(lr=[0..1:5log])");
        await page.ClickAsync("#sw-run");
        await page.WaitForSelectorAsync("#sw-error:not([hidden])", new() { Timeout = 30_000 });

        string text = await page.InnerTextAsync("#sw-error");
        Assert.Contains("above 0", text, StringComparison.Ordinal);
        Assert.Contains("         ^", text, StringComparison.Ordinal);
    }
}
