using Descent.Lab.Render.Landscape;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;

namespace Descent.Lab.Render.Tests.Landscape;

public class LandscapeAnimationTests
{
    [Fact]
    public void LandscapeAnimation_Gif_OneFramePerStepAtFiveFramesPerSecond()
    {
        using var dir = new TempDirectory();
        string file = dir.File("h.gif");

        LandscapeAnimation.SaveGif(Scenes.Lecture(steps: 20), file, new LandscapeAnimationOptions { Width = 480, Height = 320 });

        using var gif = Image.Load<Rgba32>(file);
        Assert.Equal((480, 320), (gif.Width, gif.Height));
        Assert.Equal(21, gif.Frames.Count);
        Assert.All(Enumerable.Range(0, gif.Frames.Count), i => Assert.Equal(20, gif.Frames[i].Metadata.GetGifMetadata().FrameDelay));
        Assert.Equal(0, gif.Metadata.GetGifMetadata().RepeatCount);
        Assert.Equal(["h.gif"], dir.Files());
    }

    [Theory]
    [InlineData(20, 3, new[] { 0, 3, 6, 9, 12, 15, 18, 20 })]
    [InlineData(20, 5, new[] { 0, 5, 10, 15, 20 })]
    [InlineData(20, 50, new[] { 0, 20 })]
    [InlineData(0, 1, new[] { 0 })]
    public void LandscapeAnimation_FrameEvery_EveryKthStepAndTheLast(int steps, int frameEvery, int[] expected)
    {
        LandscapePath path = steps == 0 ? new LandscapePath("still", [-2.8], [-2.5]) : Scenes.Walk("walk", steps);
        var scene = new LandscapeScene(Scenes.HillsAndCanyon, [path]);

        Assert.Equal(expected, LandscapeAnimation.FrameSteps(scene, frameEvery));
    }

    [Theory]
    [InlineData(20, 3, 8)]
    [InlineData(20, 1, 21)]
    [InlineData(0, 1, 1)]
    [InlineData(2000, 1, 2001)]
    [InlineData(3999, 2, 2001)]
    [InlineData(3999, 3, 1334)]
    public void LandscapeAnimation_FrameCount_StepsOverFrameEveryRoundedUpPlusTheStart(int steps, int frameEvery, int frames)
    {
        Assert.Equal(frames, LandscapeAnimation.FrameCount(steps, frameEvery));
    }

    [Theory]
    [InlineData(1999, 1)]
    [InlineData(2000, 2)]
    [InlineData(3998, 2)]
    [InlineData(3999, 3)]
    [InlineData(2_000_000, 1001)]
    public void LandscapeAnimation_MinimumFrameEvery_TheSmallestWithinTheLimit(int steps, int frameEvery)
    {
        Assert.Equal(frameEvery, LandscapeAnimation.MinimumFrameEvery(steps));
        Assert.True(LandscapeAnimation.FrameCount(steps, frameEvery) <= LandscapeAnimation.MaxFrames);
        if (frameEvery > 1) Assert.True(LandscapeAnimation.FrameCount(steps, frameEvery - 1) > LandscapeAnimation.MaxFrames);
    }

    [Fact]
    public void LandscapeAnimation_GifOverTheFrameLimit_RefusedWithTheFrameEveryThatFitsAndWritesNothing()
    {
        using var dir = new TempDirectory();
        var scene = new LandscapeScene(Scenes.HillsAndCanyon, [Scenes.Walk("walk", 2000)]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            LandscapeAnimation.SaveGif(scene, dir.File("a.gif"), new LandscapeAnimationOptions { Width = 160, Height = 120 }));

        Assert.StartsWith("2000 steps at every 1st step give 2001 frames, above the limit 2000; raise frame-every to 2.", error.Message);
        Assert.Empty(dir.Files());
    }

    [Fact]
    public void LandscapeAnimation_GifFrameEvery_HasThoseFrames()
    {
        using var dir = new TempDirectory();
        string file = dir.File("h.gif");

        LandscapeAnimation.SaveGif(Scenes.Lecture(steps: 20), file, new LandscapeAnimationOptions { Width = 320, Height = 240, FrameEvery = 3 });

        using var gif = Image.Load<Rgba32>(file);
        Assert.Equal(8, gif.Frames.Count);
    }

    [Fact]
    public void LandscapeAnimation_Gif125FramesAt960x640_SmallAndThePathMoves()
    {
        // The lecture's size: 125 frames (steps 0..124) at 960×640.
        var f = Scenes.HillsAndCanyon;
        var scene = new LandscapeScene(f,
        [
            Scenes.Walk("walk to (2, 2)", 124),
            Scenes.GradientDescent(f, "sgd(lr=0.1)", 0.1, 124),
            Scenes.GradientDescent(f, "sgd(lr=0.02)", 0.02, 124),
            Scenes.Walk("walk to (2.5, -1)", 124, 2.5, -1),
            Scenes.GradientDescent(f, "sgd(lr=0.3)", 0.3, 124),
        ]);
        using var dir = new TempDirectory();
        string file = dir.File("h.gif");

        LandscapeAnimation.SaveGif(scene, file);

        Assert.True(new FileInfo(file).Length < 4_000_000, $"GIF is {new FileInfo(file).Length} bytes");
        using var gif = Image.Load<Rgba32>(file);
        Assert.Equal(125, gif.Frames.Count);
        // Where ScottPlot's layout puts (2, 2), the walk's end: background in the first frame, the path's dot in the last.
        var (x, y) = PixelOf(scene, 2, 2);
        var first = gif.Frames[0][x, y];
        var last = gif.Frames[^1][x, y];
        Assert.NotEqual(first, last);
        Assert.True(Distance(last, new Rgba32(0x1f, 0x77, 0xb4)) < 40, $"last frame at the walk's end is {last}");
    }

    [Fact]
    public void LandscapeAnimation_DivergedPath_GifHasEveryStep()
    {
        var scene = new LandscapeScene(Scenes.HillsAndCanyon, [Scenes.Walk("walk", 30), Scenes.Diverging("adam(lr=100)", 30, divergedAt: 5)]);
        using var dir = new TempDirectory();

        LandscapeAnimation.SaveGif(scene, dir.File("d.gif"), new LandscapeAnimationOptions { Width = 320, Height = 240 });

        using var gif = Image.Load<Rgba32>(dir.File("d.gif"));
        Assert.Equal(31, gif.Frames.Count);
    }

    [Fact]
    public void LandscapeAnimation_EdgeCases_NeverThrow()
    {
        using var dir = new TempDirectory();
        var options = new LandscapeAnimationOptions { Width = 200, Height = 150 };

        LandscapeAnimation.SaveGif(new LandscapeScene(Scenes.HillsAndCanyon, []), dir.File("none.gif"), options);
        LandscapeAnimation.SaveGif(new LandscapeScene(Scenes.HillsAndCanyon, [new("empty", [], []), new("one", [0], [0])]), dir.File("tiny.gif"), options);

        using var none = Image.Load<Rgba32>(dir.File("none.gif"));
        Assert.Equal(1, none.Frames.Count);
    }

    [Fact]
    public void LandscapeAnimation_BadOptions_ThrowBeforeWriting()
    {
        using var dir = new TempDirectory();

        Assert.Throws<ArgumentOutOfRangeException>(() => LandscapeAnimation.SaveGif(Scenes.Lecture(5), dir.File("a.gif"), new LandscapeAnimationOptions { FrameEvery = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LandscapeAnimation.SaveGif(Scenes.Lecture(5), dir.File("a.gif"), new LandscapeAnimationOptions { FramesPerSecond = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LandscapeAnimation.SaveGif(Scenes.Lecture(5), dir.File("a.gif"), new LandscapeAnimationOptions { Width = 10 }));

        Assert.Empty(dir.Files());
    }

    [Fact]
    public void LandscapeAnimation_GifOntoADirectory_FailsAndLeavesNoTemporary()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("taken.gif"));

        Assert.ThrowsAny<IOException>(() => LandscapeAnimation.SaveGif(Scenes.Lecture(3), dir.File("taken.gif"), new LandscapeAnimationOptions { Width = 160, Height = 120 }));

        Assert.Equal(["taken.gif"], dir.Files());
    }

    [RequiresProgramFact("ffmpeg")]
    public void LandscapeAnimation_Mp4WithFfmpeg_WritesH264Video()
    {
        using var dir = new TempDirectory();
        string file = dir.File("h.mp4");

        LandscapeAnimation.SaveMp4(Scenes.Lecture(steps: 15), file, new LandscapeAnimationOptions { Width = 321, Height = 240 });

        byte[] bytes = File.ReadAllBytes(file);
        Assert.True(bytes.Length > 1000);
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(bytes, 4, 4));
        Assert.Equal(["h.mp4"], dir.Files());
    }

    [Fact]
    public void LandscapeAnimation_Mp4WithoutFfmpeg_NamesTheProgramAndWritesNothing()
    {
        using var dir = new TempDirectory();
        string file = dir.File("h.mp4");

        var error = Assert.Throws<MissingProgramException>(() =>
            LandscapeAnimation.SaveMp4(Scenes.Lecture(5), file, new LandscapeAnimationOptions { SearchPath = "" }));

        Assert.Equal("ffmpeg", error.Program);
        Assert.Contains("'ffmpeg'", error.Message);
        Assert.Contains("apt-get install ffmpeg", error.Message);
        Assert.Empty(dir.Files());
    }

    [Fact]
    public void LandscapeAnimation_Mp4WithMissingFfmpegPath_NamesTheProgram()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<MissingProgramException>(() =>
            LandscapeAnimation.SaveMp4(Scenes.Lecture(5), dir.File("h.mp4"), new LandscapeAnimationOptions { Ffmpeg = dir.File("bin/ffmpeg") }));

        Assert.Equal("ffmpeg", error.Program);
        Assert.Empty(dir.Files());
    }

    /// <summary>The pixel where ScottPlot's picture of <paramref name="scene"/> at the default size draws (x, y).</summary>
    private static (int X, int Y) PixelOf(LandscapeScene scene, double x, double y)
    {
        var plot = LandscapeFigure.Build(scene);
        plot.GetImage(LandscapeFigure.DefaultWidth, LandscapeFigure.DefaultHeight).Dispose();
        var pixel = plot.GetPixel(new ScottPlot.Coordinates(x, y));
        return ((int)Math.Round(pixel.X), (int)Math.Round(pixel.Y));
    }

    [Fact]
    public void LandscapeAnimation_RequireFfmpegOnEmptyPath_ThrowsMissingProgram()
    {
        var error = Assert.Throws<MissingProgramException>(() => LandscapeAnimation.RequireFfmpeg(new LandscapeAnimationOptions { SearchPath = "" }));

        Assert.Contains("ffmpeg", error.Message);
    }

    [Fact]
    public void LandscapeAnimation_RenderFrames_RgbaOfTheRequestedSizePerStep()
    {
        var steps = new List<int>();
        var sizes = new List<int>();

        LandscapeAnimation.RenderFrames(Scenes.Lecture(steps: 6), new LandscapeAnimationOptions { Width = 200, Height = 100, FrameEvery = 4 },
            (step, rgba) => { steps.Add(step); sizes.Add(rgba.Length); });

        Assert.Equal([0, 4, 6], steps);
        Assert.All(sizes, size => Assert.Equal(200 * 100 * 4, size));
    }

    private static double Distance(Rgba32 a, Rgba32 b) =>
        Math.Sqrt(Math.Pow(a.R - b.R, 2) + Math.Pow(a.G - b.G, 2) + Math.Pow(a.B - b.B, 2));
}
