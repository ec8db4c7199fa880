using System.Runtime.InteropServices;
using Descent.Lab.Render.Landscape;

namespace Descent.Lab.Render.Tests.Landscape;

public class LandscapeFrameRendererTests
{
    [Fact]
    public void LandscapeFrameRenderer_FrameAfterFrame_SamePixelsAsAFrameDrawnWhole()
    {
        // Paths that cross each other, leave the view and come back, and a diverging one: every case the redrawn rectangles must cover.
        var f = Scenes.HillsAndCanyon;
        var scene = new LandscapeScene(f,
        [
            Scenes.Walk("walk to (2, 2)", 60),
            Scenes.GradientDescent(f, "sgd(lr=0.1)", 0.1, 60),
            Scenes.Walk("walk to (2.5, -1)", 60, 2.5, -1),
            Scenes.GradientDescent(f, "sgd(lr=0.3)", 0.3, 40),
            Scenes.Walk("out and back", 60, 9, 0.5),
            Scenes.Diverging("adam(lr=100)", 30, divergedAt: 17),
        ]);
        using var stepwise = new LandscapeFrameRenderer(scene, 480, 320);
        using var whole = new LandscapeFrameRenderer(scene, 480, 320);

        for (int step = 0; step <= stepwise.LastStep; step += step < 20 ? 1 : 3)
        {
            var a = MemoryMarshal.Cast<byte, uint>(stepwise.Render(step)).ToArray();
            whole.Render(stepwise.LastStep);
            var b = MemoryMarshal.Cast<byte, uint>(whole.Render(step)).ToArray();
            int differ = 0, worst = 0;
            var where = new List<string>();
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] == b[i]) continue;
                differ++;
                if (where.Count < 8) where.Add($"({i % 480},{i / 480}) {a[i]:X8} vs {b[i]:X8}");
                for (int c = 0; c < 32; c += 8) worst = Math.Max(worst, Math.Abs((int)((a[i] >> c) & 0xFF) - (int)((b[i] >> c) & 0xFF)));
            }
            // Skia antialiases a short path and a long one with different methods, so edge pixels may disagree a little;
            // a stale point, a missing segment or a wrong color differs by far more (a path's color on white: over 100).
            Assert.True(worst <= 48, $"step {step}: {differ} pixels differ, by up to {worst}: {string.Join("; ", where)}");
        }
    }
}
