using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Descent.Lab.Render.Files;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;

namespace Descent.Lab.Render.Landscape;

/// <summary>
/// The lecture's animations: one frame per step (or every k-th), each showing the paths up to that step
/// with a dot at the current points, 5 frames per second. As an animated GIF (ImageSharp) or, when
/// ffmpeg is installed, an MP4. Every file is written atomically.
/// </summary>
public static class LandscapeAnimation
{
    /// <summary>The steps the frames of <paramref name="scene"/> show: 0, k, 2k, … and always the last recorded step.</summary>
    public static IReadOnlyList<int> FrameSteps(LandscapeScene scene, int frameEvery = 1)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return LandscapeFrameRenderer.FrameSteps(LastStep(scene), frameEvery);
    }

    private static int LastStep(LandscapeScene scene) => Math.Max(0, scene.Paths.Select(p => p.Count - 1).DefaultIfEmpty(0).Max());

    /// <summary>
    /// Draws every frame and hands its step and RGBA pixels (row-major, <c>Width·Height·4</c> bytes, valid
    /// only during the call; the height is <see cref="LandscapeFigure.HeightOf"/>, taller than the options' when the
    /// paths carry learning rates) to <paramref name="frame"/>: for writers of other formats, or a page.
    /// </summary>
    public static void RenderFrames(LandscapeScene scene, LandscapeAnimationOptions? options, LandscapeFrameSink frame)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(frame);
        options ??= new LandscapeAnimationOptions();
        options.Validate();
        using var renderer = new LandscapeFrameRenderer(scene, options.Width, options.Height);
        CheckFrameCount(renderer.LastStep, options.FrameEvery);
        foreach (int step in LandscapeFrameRenderer.FrameSteps(renderer.LastStep, options.FrameEvery))
            frame(step, renderer.Render(step));
    }

    /// <summary>
    /// The most frames an animation may have (<see cref="LandscapeAnimationOptions.FrameEvery"/> thins a longer one):
    /// at the lecture's 5 frames per second, 400 seconds of animation.
    /// </summary>
    public const int MaxFrames = 2000;

    /// <summary>How many frames a path of <paramref name="lastStep"/> steps gets at every <paramref name="frameEvery"/>-th step (the last step always gets one).</summary>
    public static long FrameCount(long lastStep, int frameEvery)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameEvery, 1);
        return lastStep <= 0 ? 1 : (lastStep + frameEvery - 1) / frameEvery + 1;
    }

    /// <summary>The smallest frame-every that keeps <paramref name="lastStep"/> steps within <see cref="MaxFrames"/>.</summary>
    public static long MinimumFrameEvery(long lastStep) => lastStep <= 0 ? 1 : Math.Max(1, (lastStep + MaxFrames - 2) / (MaxFrames - 1));

    /// <summary>Throws when <paramref name="lastStep"/> steps at every <paramref name="frameEvery"/>-th step give more than <see cref="MaxFrames"/> frames.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Too many frames; the message says which frame-every fits.</exception>
    public static void CheckFrameCount(long lastStep, int frameEvery)
    {
        long frames = FrameCount(lastStep, frameEvery);
        if (frames > MaxFrames)
            throw new ArgumentOutOfRangeException(nameof(frameEvery),
                $"{lastStep} steps at every {Ordinal(frameEvery)} step give {frames} frames, above the limit {MaxFrames}; raise frame-every to {MinimumFrameEvery(lastStep)}.");
    }

    /// <summary>English ordinal of <paramref name="n"/> (1st, 2nd, 3rd, 11th, 22nd).</summary>
    public static string Ordinal(long n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };

    /// <summary>
    /// Writes the animation as a looping GIF, frame by frame as they are drawn, so memory does not depend
    /// on the number of frames (<see cref="GifStreamWriter"/>). All frames share one palette (the last
    /// frame's colors, which hold the background and every path, drawn first); after the first frame only
    /// the rectangle around the changed pixels is written, unchanged pixels in it transparent over the kept
    /// previous frame, so each frame costs little more than its new segments.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Bad options, or more than <see cref="MaxFrames"/> frames; nothing is written.</exception>
    public static void SaveGif(LandscapeScene scene, string path, LandscapeAnimationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(path);
        options ??= new LandscapeAnimationOptions();
        options.Validate();
        int delay = (int)Math.Max(1, Math.Round(100 / options.FramesPerSecond));

        using var renderer = new LandscapeFrameRenderer(scene, options.Width, options.Height);
        // A scene with learning rates has its panel under the landscape: the frames are taller than the options say.
        int width = renderer.Width, height = renderer.Height;
        CheckFrameCount(renderer.LastStep, options.FrameEvery);
        uint[] palette = Palette(renderer.Render(renderer.LastStep), width, height);
        AtomicFile.Write(path, stream =>
        {
            var gif = new GifStreamWriter(stream, width, height, palette, delay);
            foreach (int step in LandscapeFrameRenderer.FrameSteps(renderer.LastStep, options.FrameEvery))
                gif.WriteFrame(MemoryMarshal.Cast<byte, uint>(renderer.Render(step)));
            gif.Finish();
        });
    }

    /// <summary>
    /// Writes the animation as an H.264 MP4 by piping raw frames to ffmpeg. Checks for ffmpeg before
    /// drawing anything.
    /// </summary>
    /// <exception cref="MissingProgramException">ffmpeg is not installed; nothing is written.</exception>
    /// <exception cref="InvalidOperationException">ffmpeg failed; its error output is in the message and nothing is written.</exception>
    public static void SaveMp4(LandscapeScene scene, string path, LandscapeAnimationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(path);
        options ??= new LandscapeAnimationOptions();
        options.Validate();
        string ffmpeg = RequireFfmpeg(options);
        CheckFrameCount(LastStep(scene), options.FrameEvery);

        AtomicFile.Write(path, stream =>
        {
            // ffmpeg needs a seekable file to finish an MP4 (the index goes in front); it writes a private
            // temporary file that is then copied into the atomic target.
            string temp = Path.Combine(Path.GetTempPath(), $"descent-{Environment.ProcessId}-{Guid.NewGuid():N}.mp4");
            try
            {
                RunFfmpeg(ffmpeg, scene, options, temp);
                using var video = File.OpenRead(temp);
                video.CopyTo(stream);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        });
    }

    /// <summary>
    /// The full path of the ffmpeg that <see cref="SaveMp4"/> would run, so a command can fail before it
    /// computes anything.
    /// </summary>
    /// <exception cref="MissingProgramException">ffmpeg is not installed (or not where the options say).</exception>
    public static string RequireFfmpeg(LandscapeAnimationOptions? options = null)
    {
        options ??= new LandscapeAnimationOptions();
        return ExternalProgram.Find(options.Ffmpeg, options.SearchPath)
            ?? throw new MissingProgramException(Path.GetFileNameWithoutExtension(options.Ffmpeg), "an MP4 video");
    }

    private static void RunFfmpeg(string ffmpeg, LandscapeScene scene, LandscapeAnimationOptions options, string output)
    {
        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        string fps = options.FramesPerSecond.ToString("R", CultureInfo.InvariantCulture);
        foreach (string arg in (string[])[
            "-hide_banner", "-loglevel", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "rgba", "-s", $"{options.Width}x{LandscapeFigure.HeightOf(scene, options.Width, options.Height)}", "-r", fps, "-i", "-",
            // H.264 in 4:2:0 needs even dimensions: pad an odd size by one pixel.
            "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2",
            "-pix_fmt", "yuv420p", "-vcodec", "libx264", "-movflags", "+faststart", "-f", "mp4", output])
            start.ArgumentList.Add(arg);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{ffmpeg}'.");
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        Exception? pipeError = null;
        try
        {
            var input = process.StandardInput.BaseStream;
            RenderFrames(scene, options, (_, rgba) => input.Write(rgba));
            input.Flush();
        }
        catch (IOException e)
        {
            // ffmpeg closed its input early; its own message says why.
            pipeError = e;
        }
        catch
        {
            // Drawing failed: stop ffmpeg rather than let it finish a video of the frames so far.
            try { process.Kill(); } catch (InvalidOperationException) { }
            throw;
        }
        finally
        {
            try { process.StandardInput.Close(); } catch (IOException) { }
        }
        process.WaitForExit();
        if (process.ExitCode != 0 || pipeError is not null)
        {
            string message;
            lock (errors) message = errors.ToString().Trim();
            throw new InvalidOperationException(
                $"ffmpeg failed (exit code {process.ExitCode}) while writing the MP4: {(message.Length > 0 ? message : pipeError?.Message)}");
        }
    }

    /// <summary>Up to 255 opaque colors of the final frame (Wu's quantizer, no dithering), packed as <c>Rgba32</c>.</summary>
    private static uint[] Palette(ReadOnlySpan<byte> lastFrame, int width, int height)
    {
        using var last = Image.LoadPixelData<Rgba32>(MemoryMarshal.Cast<byte, Rgba32>(lastFrame), width, height);
        var options = new QuantizerOptions { Dither = null, MaxColors = 255 };
        using var quantizer = new WuQuantizer(options).CreatePixelSpecificQuantizer<Rgba32>(Configuration.Default);
        using var indexed = quantizer.BuildPaletteAndQuantizeFrame(last.Frames.RootFrame, last.Bounds());
        var colors = new List<uint>(256);
        foreach (Rgba32 c in indexed.Palette.Span)
            if (c.A == 255 && colors.Count < 255) colors.Add(c.PackedValue);
        if (colors.Count == 0) colors.Add(0xFFFFFFFFu);
        return [.. colors];
    }
}
