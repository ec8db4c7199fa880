namespace Descent.Lab.Render.Landscape;

/// <summary>
/// Receives one frame of <see cref="LandscapeAnimation.RenderFrames"/>: the step it shows and its pixels,
/// RGBA row by row (<c>Width·Height·4</c> bytes, valid only during the call).
/// </summary>
public delegate void LandscapeFrameSink(int step, ReadOnlySpan<byte> rgba);
