using System.Runtime.InteropServices;
using Descent.Lab.Render.Landscape;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;

namespace Descent.Lab.Render.Tests.Landscape;

public class GifStreamWriterTests
{
    // 200 opaque colors, packed as Rgba32 (R in the lowest byte).
    private static readonly uint[] Palette = [.. Enumerable.Range(0, 200).Select(i => 0xFF000000u | (uint)(i * 7 % 256) | (uint)(i * 13 % 256) << 8 | (uint)(i * 29 % 256) << 16)];

    /// <summary>Frames of palette colors: noise in the first (long LZW runs of new codes, several table resets), then blocks that move, and a repeated frame.</summary>
    private static List<uint[]> Frames(int width, int height, int count)
    {
        var random = new Random(7);
        var frames = new List<uint[]>();
        var frame = new uint[width * height];
        for (int i = 0; i < frame.Length; i++) frame[i] = Palette[random.Next(Palette.Length)];
        frames.Add((uint[])frame.Clone());
        for (int f = 1; f < count; f++)
        {
            if (f % 5 != 3)
            {
                int x0 = random.Next(width - 8), y0 = random.Next(height - 6), w = random.Next(1, width - x0), h = random.Next(1, height - y0);
                uint color = Palette[random.Next(Palette.Length)];
                for (int y = y0; y < y0 + h; y++)
                    for (int x = x0; x < x0 + w; x++)
                        if ((x + y) % 3 != 0) frame[y * width + x] = color;
            }
            frames.Add((uint[])frame.Clone());
        }
        return frames;
    }

    [Fact]
    public void GifStreamWriter_FramesOfPaletteColors_DecodeToTheSamePixels()
    {
        const int width = 150, height = 110;
        var frames = Frames(width, height, 24);
        using var stream = new MemoryStream();
        var writer = new GifStreamWriter(stream, width, height, Palette, delay: 20);
        foreach (var frame in frames) writer.WriteFrame(frame);
        writer.Finish();

        stream.Position = 0;
        using var gif = Image.Load<Rgba32>(stream);
        Assert.Equal((width, height), (gif.Width, gif.Height));
        Assert.Equal(frames.Count, gif.Frames.Count);
        Assert.Equal(0, gif.Metadata.GetGifMetadata().RepeatCount);
        for (int f = 0; f < frames.Count; f++)
        {
            Assert.Equal(20, gif.Frames[f].Metadata.GetGifMetadata().FrameDelay);
            var decoded = new Rgba32[width * height];
            gif.Frames[f].CopyPixelDataTo(decoded);
            Assert.Equal(frames[f], MemoryMarshal.Cast<Rgba32, uint>(decoded).ToArray());
        }
    }

    [Fact]
    public void GifStreamWriter_ColorsOutsideThePalette_ShowTheNearestColor()
    {
        uint[] palette = [0xFF000000u, 0xFFFFFFFFu, 0xFF0000FFu]; // black, white, red
        // Dark grey → black, light grey → white, dark red → red.
        uint[] frame = [0xFF202020u, 0xFFD0D0D0u, 0xFF101090u, 0xFF000000u];
        using var stream = new MemoryStream();
        var writer = new GifStreamWriter(stream, 2, 2, palette, delay: 10);
        writer.WriteFrame(frame);
        writer.Finish();

        stream.Position = 0;
        using var gif = Image.Load<Rgba32>(stream);
        var decoded = new Rgba32[4];
        gif.Frames[0].CopyPixelDataTo(decoded);
        Assert.Equal([0xFF000000u, 0xFFFFFFFFu, 0xFF0000FFu, 0xFF000000u], MemoryMarshal.Cast<Rgba32, uint>(decoded).ToArray());
    }

    [Fact]
    public void GifStreamWriter_500FramesAgainst50_AllocatesNoMorePerFrame()
    {
        const int width = 320, height = 240;
        var frames = Frames(width, height, 10);

        static long Allocated(List<uint[]> frames, int count)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var writer = new GifStreamWriter(Stream.Null, width, height, Palette, delay: 20);
            for (int f = 0; f < count; f++) writer.WriteFrame(frames[f % frames.Count]);
            writer.Finish();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Allocated(frames, 10); // JIT and first-use allocations out of the way
        long few = Allocated(frames, 50), many = Allocated(frames, 500);

        // A frame is 76,800 pixels: keeping any per-frame buffer (even one byte per pixel) would add over 34 MB for 450 more frames.
        Assert.True(many - few < 1_000_000, $"50 frames allocate {few:N0} bytes, 500 frames {many:N0}");
    }

    [Fact]
    public void GifStreamWriter_NoFrames_WritesOneWhiteFrame()
    {
        using var stream = new MemoryStream();
        new GifStreamWriter(stream, 3, 2, [0xFF000000u, 0xFFFFFFFFu], delay: 20).Finish();

        stream.Position = 0;
        using var gif = Image.Load<Rgba32>(stream);
        Assert.Equal(1, gif.Frames.Count);
        Assert.Equal(new Rgba32(255, 255, 255), gif.Frames[0][1, 1]);
    }

    [Fact]
    public void GifStreamWriter_WrongFrameSize_Throws()
    {
        var writer = new GifStreamWriter(Stream.Null, 4, 4, Palette, delay: 20);

        Assert.Throws<ArgumentException>(() => writer.WriteFrame(new uint[15]));
    }
}
