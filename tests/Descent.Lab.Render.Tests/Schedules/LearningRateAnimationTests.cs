using Descent.Lab.Render.Landscape;
using Descent.Lab.Render.Tests.Landscape;

namespace Descent.Lab.Render.Tests.Schedules;

/// <summary>The animation of a scene with learning rates: taller frames with the panel, and a cursor that follows the step.</summary>
public sealed class LearningRateAnimationTests
{
    private static LandscapeScene Scene(bool rates)
    {
        var f = Scenes.HillsAndCanyon;
        var walk = Scenes.Walk("walk to (2, 2)", 30);
        var descent = Scenes.GradientDescent(f, "sgd(lr=0.1)", 0.1, 30);
        double[] halving = [.. Enumerable.Range(0, 30).Select(k => 0.1 * Math.Pow(0.5, k / 10))];
        return new LandscapeScene(f, rates ? [walk, descent with { LearningRates = halving }] : [walk, descent]);
    }

    [Fact]
    public void LandscapeAnimation_SceneWithRates_FramesHaveThePanel()
    {
        var sizes = new List<int>();
        LandscapeAnimation.RenderFrames(Scene(rates: true), new LandscapeAnimationOptions { Width = 480, Height = 320, FrameEvery = 10 }, (_, rgba) => sizes.Add(rgba.Length));
        LandscapeAnimation.RenderFrames(Scene(rates: false), new LandscapeAnimationOptions { Width = 480, Height = 320, FrameEvery = 10 }, (_, rgba) => sizes.Add(rgba.Length));

        Assert.Equal([.. Enumerable.Repeat(480 * (320 + 120) * 4, 4), .. Enumerable.Repeat(480 * 320 * 4, 4)], sizes);
    }

    [Fact]
    public void LandscapeAnimation_GifOfASceneWithRates_IsTallerByThePanel()
    {
        using var dir = new TempDirectory();

        LandscapeAnimation.SaveGif(Scene(rates: true), dir.File("a.gif"), new LandscapeAnimationOptions { Width = 480, Height = 320, FrameEvery = 5 });

        using var gif = SixLabors.ImageSharp.Image.Load(dir.File("a.gif"));
        Assert.Equal((480, 440), (gif.Width, gif.Height));
        Assert.Equal(7, gif.Frames.Count);
    }

    [Fact]
    public void LandscapeFrameRenderer_PanelCursor_MovesWithTheStepAndRedrawsLikeAWholeFrame()
    {
        var scene = Scene(rates: true);
        using var stepwise = new LandscapeFrameRenderer(scene, 480, 320);
        using var whole = new LandscapeFrameRenderer(scene, 480, 320);
        byte[] first = stepwise.Render(0).ToArray();
        int panelTop = 320 * 480 * 4;

        for (int step = 1; step <= stepwise.LastStep; step += 4)
        {
            var a = stepwise.Render(step).ToArray();
            whole.Render(stepwise.LastStep);
            var b = whole.Render(step).ToArray();
            int worst = 0;
            for (int i = 0; i < a.Length; i++) worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
            Assert.True(worst <= 48, $"step {step}: incremental and whole frames differ by {worst}");
            Assert.False(a.AsSpan(panelTop).SequenceEqual(first.AsSpan(panelTop)), $"step {step}: the panel did not change");
        }
    }
}
