namespace Descent.Lab.Render.Landscape;

/// <summary>How a landscape animation is drawn and timed.</summary>
public sealed record LandscapeAnimationOptions
{
    /// <summary>Frame width in pixels.</summary>
    public int Width { get; init; } = LandscapeFigure.DefaultWidth;

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; init; } = LandscapeFigure.DefaultHeight;

    /// <summary>Draw every k-th step (the last step always gets a frame); 1 draws every step, as the lecture.</summary>
    public int FrameEvery { get; init; } = 1;

    /// <summary>Frames per second; the lecture's animations run at 5. A GIF stores the delay in hundredths of a second (20 at 5 fps).</summary>
    public double FramesPerSecond { get; init; } = 5;

    /// <summary>The ffmpeg program for MP4: a name looked up on <see cref="SearchPath"/>, or a path to the executable.</summary>
    public string Ffmpeg { get; init; } = "ffmpeg";

    /// <summary>The directories to look for <see cref="Ffmpeg"/> in, PATH-style; null for the process's PATH.</summary>
    public string? SearchPath { get; init; }

    internal void Validate()
    {
        if (Width < 64 || Height < 64 || Width > 10_000 || Height > 10_000)
            throw new ArgumentOutOfRangeException(nameof(Width), $"Animation frames must be 64 to 10000 pixels a side; got {Width}×{Height}.");
        if (FrameEvery < 1)
            throw new ArgumentOutOfRangeException(nameof(FrameEvery), $"frame-every must be at least 1; got {FrameEvery}.");
        if (!(FramesPerSecond > 0) || FramesPerSecond > 100)
            throw new ArgumentOutOfRangeException(nameof(FramesPerSecond), $"Frames per second must be in (0, 100]; got {FramesPerSecond}.");
    }
}
