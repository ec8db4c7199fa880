using System.Text.RegularExpressions;
using Descent.Lab.Render.Gallery;

namespace Descent.Lab.Render.Tests.Gallery;

public sealed class GalleryReportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("descent-gallery-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void GalleryReport_FirstRun_EveryLinkedFileExists()
    {
        var outcome = GalleryReport.Write(_dir);

        string html = File.ReadAllText(outcome.Index);
        var links = Regex.Matches(html, "(?:href|src)=\"([^\"#]+)\"").Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).Distinct().ToList();
        Assert.NotEmpty(links);
        foreach (string link in links)
            Assert.True(File.Exists(Path.Combine(_dir, link)), $"index.html links to missing {link}");
        Assert.Contains("rectangles-adam.png", html);
        Assert.Equal(0, outcome.FromCache);
        Assert.DoesNotContain(Directory.GetFiles(_dir, "*.tmp", SearchOption.AllDirectories), _ => true);
    }

    [Fact]
    public void GalleryReport_SecondRun_ServedFromTheCache()
    {
        var first = GalleryReport.Write(_dir);
        var stamps = Directory.GetFiles(Path.Combine(_dir, "response")).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var second = GalleryReport.Write(_dir);

        Assert.Equal(first.Figures, second.FromCache);
        foreach (var (file, stamp) in stamps) Assert.Equal(stamp, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public void GalleryReport_DeletedFigure_IsRedrawn()
    {
        GalleryReport.Write(_dir);
        string figure = Path.Combine(_dir, "response", "spikes-adam.png");
        File.Delete(figure);

        var again = GalleryReport.Write(_dir);

        Assert.True(File.Exists(figure));
        Assert.Equal(again.Figures - 1, again.FromCache);
    }
}
