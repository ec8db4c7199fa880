using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Descent.Lab.Render.Landscape;

/// <summary>
/// Writes an animated GIF89a frame by frame, so memory does not depend on the number of frames: it
/// keeps only the previous frame's pixels. All frames share one global palette of up to 255 opaque
/// colors plus a transparent index; after the first frame only the rectangle around the changed pixels
/// is written, with unchanged pixels in it transparent over the kept previous frame (disposal "do not
/// dispose"). Each pixel is shown as its nearest palette color (Euclidean in RGB, no dithering).
/// </summary>
internal sealed class GifStreamWriter
{
    private const int MaxCodeBits = 12;
    private const int MaxCodes = 1 << MaxCodeBits;
    private const int MinCodeSize = 8;

    private readonly Stream _stream;
    private readonly int _width;
    private readonly int _height;
    private readonly int _delay;
    private readonly uint[] _palette;
    private readonly byte _transparent;
    private readonly Dictionary<uint, byte> _nearest = [];
    private readonly uint[] _previous;
    private readonly byte[] _indices;
    private readonly LzwEncoder _lzw;
    private bool _started;
    private bool _finished;

    /// <param name="stream">Where the GIF goes; written as frames come.</param>
    /// <param name="width">Frame width in pixels.</param>
    /// <param name="height">Frame height in pixels.</param>
    /// <param name="palette">1 to 255 colors as RGBA (R in the lowest byte, as <c>Rgba32</c> packs them); alpha is ignored.</param>
    /// <param name="delay">The time each frame shows, in hundredths of a second.</param>
    public GifStreamWriter(Stream stream, int width, int height, ReadOnlySpan<uint> palette, int delay)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, ushort.MaxValue);
        if (palette.Length is < 1 or > 255) throw new ArgumentOutOfRangeException(nameof(palette), $"A GIF palette holds 1 to 255 colors besides the transparent one; got {palette.Length}.");
        _stream = stream;
        _width = width;
        _height = height;
        _delay = Math.Clamp(delay, 0, ushort.MaxValue);
        _palette = new uint[256];
        for (int i = 0; i < palette.Length; i++) _palette[i] = palette[i] | 0xFF000000u;
        _transparent = (byte)palette.Length;
        _previous = new uint[width * height];
        _indices = new byte[width * height];
        _lzw = new LzwEncoder(stream);
    }

    /// <summary>How many frames were written.</summary>
    public int Frames { get; private set; }

    /// <summary>Appends a frame: <c>width·height</c> pixels, row by row, RGBA packed as <c>Rgba32</c>.</summary>
    public void WriteFrame(ReadOnlySpan<uint> pixels)
    {
        if (pixels.Length != _previous.Length) throw new ArgumentException($"A frame has {_previous.Length} pixels; got {pixels.Length}.", nameof(pixels));
        ObjectDisposedException.ThrowIf(_finished, this);
        if (!_started)
        {
            WriteHeader();
            _started = true;
        }
        int left, top, right, bottom;
        if (Frames == 0) (left, top, right, bottom) = (0, 0, _width, _height);
        else if (!ChangedBox(pixels, out left, out top, out right, out bottom))
            (left, top, right, bottom) = (0, 0, 1, 1); // Nothing changed: one transparent pixel keeps the frame's time.

        int w = right - left, h = bottom - top;
        var indices = _indices.AsSpan(0, w * h);
        for (int y = 0; y < h; y++)
        {
            int row = (top + y) * _width + left;
            for (int x = 0; x < w; x++)
            {
                uint p = pixels[row + x];
                indices[y * w + x] = Frames > 0 && p == _previous[row + x] ? _transparent : Nearest(p);
            }
        }
        pixels.CopyTo(_previous);

        Span<byte> control = [0x21, 0xF9, 0x04, (1 << 2) | 1, 0, 0, _transparent, 0];
        BinaryPrimitives.WriteUInt16LittleEndian(control[4..], (ushort)_delay);
        _stream.Write(control);
        Span<byte> descriptor = stackalloc byte[10];
        descriptor[0] = 0x2C;
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[1..], (ushort)left);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[3..], (ushort)top);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[5..], (ushort)w);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[7..], (ushort)h);
        descriptor[9] = 0;
        _stream.Write(descriptor);
        _lzw.Encode(indices, MinCodeSize);
        Frames++;
    }

    /// <summary>Writes the trailer; a GIF without frames gets one white frame, as a GIF needs an image.</summary>
    public void Finish()
    {
        if (_finished) return;
        if (Frames == 0)
        {
            var white = new uint[_previous.Length];
            Array.Fill(white, 0xFFFFFFFFu);
            WriteFrame(white);
        }
        _stream.WriteByte(0x3B);
        _finished = true;
    }

    private void WriteHeader()
    {
        Span<byte> header = stackalloc byte[13];
        "GIF89a"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)_width);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], (ushort)_height);
        header[10] = 0b1111_0111; // a global table of 2^(7+1) colors, 8 bits per primary
        header[11] = _transparent;
        header[12] = 0;
        _stream.Write(header);
        var table = new byte[256 * 3];
        for (int i = 0; i < 256; i++)
        {
            uint c = _palette[i];
            table[3 * i] = (byte)c;
            table[3 * i + 1] = (byte)(c >> 8);
            table[3 * i + 2] = (byte)(c >> 16);
        }
        _stream.Write(table);
        // NETSCAPE2.0: loop forever.
        _stream.Write([0x21, 0xFF, 0x0B, .. "NETSCAPE2.0"u8, 0x03, 0x01, 0x00, 0x00, 0x00]);
    }

    /// <summary>The smallest rectangle holding every pixel that differs from the previous frame; false when none does.</summary>
    private bool ChangedBox(ReadOnlySpan<uint> pixels, out int left, out int top, out int right, out int bottom)
    {
        var previous = _previous.AsSpan();
        top = 0;
        while (top < _height && pixels.Slice(top * _width, _width).SequenceEqual(previous.Slice(top * _width, _width))) top++;
        left = right = bottom = 0;
        if (top == _height) return false;
        bottom = _height;
        while (pixels.Slice((bottom - 1) * _width, _width).SequenceEqual(previous.Slice((bottom - 1) * _width, _width))) bottom--;
        left = _width;
        right = 0;
        for (int y = top; y < bottom; y++)
        {
            var now = pixels.Slice(y * _width, _width);
            var before = previous.Slice(y * _width, _width);
            int first = now.CommonPrefixLength(before);
            if (first == _width) continue;
            int last = _width - 1;
            while (now[last] == before[last]) last--;
            left = Math.Min(left, first);
            right = Math.Max(right, last + 1);
        }
        return true;
    }

    private byte Nearest(uint color)
    {
        if (_nearest.TryGetValue(color, out byte index)) return index;
        // Frames hold few distinct colors (the background's and the antialiased paths'); the bound keeps a pathological one from growing the memo without end.
        if (_nearest.Count >= 1 << 18) _nearest.Clear();
        int r = (int)(color & 0xFF), g = (int)((color >> 8) & 0xFF), b = (int)((color >> 16) & 0xFF);
        int best = 0, bestDistance = int.MaxValue;
        for (int i = 0; i < _transparent; i++)
        {
            uint c = _palette[i];
            int dr = r - (int)(c & 0xFF), dg = g - (int)((c >> 8) & 0xFF), db = b - (int)((c >> 16) & 0xFF);
            int d = dr * dr + dg * dg + db * db;
            if (d < bestDistance)
            {
                bestDistance = d;
                best = i;
            }
        }
        _nearest[color] = (byte)best;
        return (byte)best;
    }

    /// <summary>GIF's variable-width LZW (codes of 9 to 12 bits, LSB first, in sub-blocks of up to 255 bytes).</summary>
    private sealed class LzwEncoder(Stream stream)
    {
        private const int TableSize = 8191;
        private readonly int[] _keys = new int[TableSize];
        private readonly short[] _codes = new short[TableSize];
        private readonly byte[] _block = new byte[256];
        private int _blockLength;
        private int _bits;
        private int _bitCount;

        public void Encode(ReadOnlySpan<byte> indices, int minCodeSize)
        {
            int clear = 1 << minCodeSize, end = clear + 1;
            stream.WriteByte((byte)minCodeSize);
            int codeSize = minCodeSize + 1;
            int next = end + 1;
            Reset();
            Emit(clear, codeSize);
            int prefix = indices[0];
            for (int i = 1; i < indices.Length; i++)
            {
                int symbol = indices[i];
                int key = (prefix << 8) | symbol;
                int slot = Find(key);
                if (_keys[slot] == key)
                {
                    prefix = _codes[slot];
                    continue;
                }
                Emit(prefix, codeSize);
                // The decoder widens its codes one entry later than the table grows, so widen after the code that fills the width.
                if (next < MaxCodes)
                {
                    if (next == 1 << codeSize) codeSize++;
                    _keys[slot] = key;
                    _codes[slot] = (short)next++;
                }
                else
                {
                    Emit(clear, codeSize);
                    Reset();
                    codeSize = minCodeSize + 1;
                    next = end + 1;
                }
                prefix = symbol;
            }
            Emit(prefix, codeSize);
            if (next == 1 << codeSize && codeSize < MaxCodeBits) codeSize++;
            Emit(end, codeSize);
            if (_bitCount > 0) Put((byte)_bits);
            _bits = _bitCount = 0;
            if (_blockLength > 0) FlushBlock();
            stream.WriteByte(0);
        }

        private void Reset() => Array.Fill(_keys, -1);

        private int Find(int key)
        {
            int slot = (int)((uint)key * 2654435761u % TableSize);
            while (_keys[slot] != -1 && _keys[slot] != key) slot = slot + 1 == TableSize ? 0 : slot + 1;
            return slot;
        }

        private void Emit(int code, int size)
        {
            _bits |= code << _bitCount;
            _bitCount += size;
            while (_bitCount >= 8)
            {
                Put((byte)_bits);
                _bits >>= 8;
                _bitCount -= 8;
            }
        }

        private void Put(byte b)
        {
            _block[1 + _blockLength++] = b;
            if (_blockLength == 255) FlushBlock();
        }

        private void FlushBlock()
        {
            _block[0] = (byte)_blockLength;
            stream.Write(_block, 0, _blockLength + 1);
            _blockLength = 0;
        }
    }
}
