using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Descent.Web.Tests;

/// <summary>
/// The real server (Kestrel on a free 127.0.0.1 port, as <c>descent serve</c> runs it) and Debian's Chromium driven
/// by Playwright, shared by the browser tests. Playwright's driver ships in its NuGet package; no browser is ever
/// downloaded: the tests use /usr/bin/chromium or fail saying how to install it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium (the <c>chromium</c> package).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebApplication? _app;
    private IPlaywright? _playwright;
    private string? _profile;

    /// <summary>The page's address, ending in '/'.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The browser.</summary>
    public IBrowserContext Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: TestResults/ in the test's output folder.</summary>
    public static string ArtifactDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults");

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        RequireChromium(ChromiumPath);
        _app = DescentWeb.Build([], 0);
        await _app.StartAsync();
        Address = DescentWeb.Address(_app);
        _playwright = await Playwright.CreateAsync();
        _profile = Directory.CreateTempSubdirectory("descent-chromium-").FullName;
        Browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
            ViewportSize = new ViewportSize { Width = 1440, Height = 980 },
        });
        Directory.CreateDirectory(ArtifactDirectory);
    }

    /// <summary>Fails, saying how to install it, when there is no browser at <paramref name="path"/>: the tests never skip, and never download one.</summary>
    public static void RequireChromium(string path)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"The browser tests drive Debian's Chromium at {path}, which is not installed: run 'apt-get install -y chromium' (.ci/run installs it). Playwright must never download a browser.");
    }

    /// <summary>A fresh page at <paramref name="hash"/> (e.g. <c>#f=rosenbrock</c>), ready once the page says so; console errors are collected.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(string hash = "")
    {
        var page = await Browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(Address + hash);
        await page.WaitForSelectorAsync("body[data-ready='true']", new() { Timeout = 30_000 });
        return (page, errors);
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_profile is not null)
        {
            try { Directory.Delete(_profile, true); }
            catch (IOException) { }
        }
    }
}
