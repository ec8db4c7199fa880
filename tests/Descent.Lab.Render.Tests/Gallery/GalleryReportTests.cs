using System.Text.RegularExpressions;
using Descent.Lab.Render.Gallery;

namespace Descent.Lab.Render.Tests.Gallery;

/// <summary>One gallery, built once for the class (it takes a minute), then checked, re-run and repaired.</summary>
public sealed class GalleryFixture : IDisposable
{
    public GalleryFixture() => First = GalleryReport.Write(Dir, Runner);

    /// <summary>The lab's runner, counted: a figure served from the cache is never asked of it.</summary>
    public CountingRunner Runner { get; } = new();

    public string Dir { get; } = Directory.CreateTempSubdirectory("descent-gallery-").FullName;

    public GalleryReport.Outcome First { get; }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}

public sealed class GalleryReportTests(GalleryFixture gallery) : IClassFixture<GalleryFixture>
{
    [Fact]
    public void GalleryReport_FirstRun_EveryLinkedFileExists()
    {
        string html = File.ReadAllText(gallery.First.Index);
        var links = Regex.Matches(html, "(?:href|src)=\"([^\"#]+)\"").Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).Distinct().ToList();

        Assert.NotEmpty(links);
        foreach (string link in links)
            Assert.True(File.Exists(Path.Combine(gallery.Dir, link)), $"index.html links to missing {link}");
        Assert.Contains("response/rectangles-adam.png", html);
        Assert.Contains("lecture-animations/hills-and-canyon.gif", html);
        Assert.Contains("<section id=\"schedules\">", html);
        Assert.Contains("schedules/schedules-decay.png", html);
        Assert.Contains("training/schedules-mnist/schedules-mnist.png", html);
        Assert.Contains("<section id=\"lecture-variants\">", html);
        Assert.Contains("response/adagrad-no-root.png", html);
        Assert.Contains("lecture-variants-paths/adam-look-ahead-hills-and-canyon.gif", html);
        Assert.Contains("<section id=\"lecture-sensitivity\">", html);
        Assert.Contains("sweep/lecture-sensitivity/hills-and-canyon.png", html);
        Assert.Contains("sweep/adam-paper-6.4/bias-correction.png", html);
        Assert.Equal(gallery.First.Figures, gallery.Runner.Calls);
        Assert.Equal(0, gallery.First.FromCache);
        Assert.Empty(Directory.GetFiles(gallery.Dir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void GalleryReport_SecondRun_ServedFromTheCacheAndRepairsDeletedFigures()
    {
        var stamps = Directory.GetFiles(gallery.Dir, "*.png", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        int before = gallery.Runner.Calls;
        var second = GalleryReport.Write(gallery.Dir, gallery.Runner);

        Assert.Equal(gallery.First.Figures, second.FromCache);
        Assert.Equal(before, gallery.Runner.Calls);
        foreach (var (file, stamp) in stamps) Assert.Equal(stamp, File.GetLastWriteTimeUtc(file));

        string figure = Path.Combine(gallery.Dir, "response", "spikes-adam.png");
        File.Delete(figure);
        var third = GalleryReport.Write(gallery.Dir, gallery.Runner);

        Assert.True(File.Exists(figure));
        Assert.Equal(third.Figures - 1, third.FromCache);
        Assert.Equal(before + 1, gallery.Runner.Calls);
    }
}

