using System.Buffers.Binary;
using System.IO.Compression;

namespace Descent.Training.Datasets;

/// <summary>
/// Reads IDX files (http://yann.lecun.com/exdb/mnist/): MNIST, Fashion-MNIST and the bundled sets,
/// raw or gzip-compressed (recognised by content, not by name). Header: two zero bytes, a type byte
/// (0x08 = unsigned byte, the only type these datasets use), the number of dimensions, then each
/// dimension as a big-endian 32-bit integer; the values follow.
/// </summary>
public static class IdxReader
{
    /// <summary>Reads the IDX file at <paramref name="path"/>; errors name the file.</summary>
    public static IdxArray ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>
    /// Reads an IDX array from <paramref name="stream"/>; <paramref name="name"/> appears in error messages.
    /// Bad data is an <see cref="InvalidDataException"/> with a one-line message naming the file. Memory
    /// follows the data actually present, never the header's word: a header that declares more values than
    /// the file holds is refused before anything is allocated (raw files) or after reading what is there (gzip).
    /// </summary>
    public static IdxArray Read(Stream stream, string name = "IDX stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffered = new BufferedStream(stream);
        Span<byte> magic = stackalloc byte[4];
        int got = ReadAtMost(buffered, magic);
        Stream body = buffered;
        if (got >= 2 && magic[0] == 0x1F && magic[1] == 0x8B)
        {
            Stream compressed;
            if (buffered.CanSeek)
            {
                buffered.Seek(-got, SeekOrigin.Current);
                compressed = buffered;
            }
            else
            {
                var rest = new MemoryStream();
                rest.Write(magic[..got]);
                buffered.CopyTo(rest);
                rest.Position = 0;
                compressed = rest;
            }
            body = new GZipStream(compressed, CompressionMode.Decompress);
            got = ReadAtMost(body, magic, name);
        }
        if (got < 4) throw new InvalidDataException($"{name}: truncated IDX header ({got} of 4 magic bytes).");
        if (magic[0] != 0 || magic[1] != 0)
            throw new InvalidDataException($"{name}: not an IDX file (magic number 0x{magic[0]:X2}{magic[1]:X2}{magic[2]:X2}{magic[3]:X2}; IDX files start with 0x0000).");
        if (magic[2] != 0x08)
            throw new InvalidDataException($"{name}: unsupported IDX data type 0x{magic[2]:X2} (magic 0x0000{magic[2]:X2}{magic[3]:X2}); only unsigned bytes (0x08) are supported.");
        int rank = magic[3];
        if (rank == 0) throw new InvalidDataException($"{name}: IDX magic number declares 0 dimensions.");
        Span<byte> header = stackalloc byte[4 * rank];
        got = ReadAtMost(body, header, name);
        if (got < header.Length) throw new InvalidDataException($"{name}: truncated IDX header ({got} of {header.Length} dimension bytes).");
        var dims = new int[rank];
        // Products in 64 bits, each capped as it grows; the item size on its own too, since a first
        // dimension of 0 makes the total 0 whatever the others declare.
        long total = 1, itemSize = 1;
        for (int i = 0; i < rank; i++)
        {
            uint d = BinaryPrimitives.ReadUInt32BigEndian(header[(4 * i)..]);
            if (d > int.MaxValue) throw new InvalidDataException($"{name}: dimension {i} is {d}, too large.");
            dims[i] = (int)d;
            if (i > 0) itemSize *= d;
            total *= d;
            if (total > Array.MaxLength || itemSize > Array.MaxLength)
                throw new InvalidDataException($"{name}: {string.Join("×", dims.Take(i + 1))} values is too large; the limit is {Array.MaxLength}.");
        }
        if (body.CanSeek)
        {
            long left = body.Length - body.Position;
            if (left < total)
                throw new InvalidDataException($"{name}: truncated: the header declares {string.Join("×", dims)} = {total} values, the file holds {left}.");
        }
        byte[] data = ReadValues(body, (int)total, name, out int held);
        if (held < total)
            throw new InvalidDataException($"{name}: truncated: the header declares {string.Join("×", dims)} = {total} values, the file holds {held}.");
        return new IdxArray(dims, data);
    }

    /// <summary>
    /// Reads up to <paramref name="count"/> bytes into an array that grows as data arrives (from 1 MiB,
    /// doubling), so a stream whose length is not known up front costs memory in proportion to what it
    /// holds, not to what its header claims.
    /// </summary>
    private static byte[] ReadValues(Stream stream, int count, string name, out int held)
    {
        const int First = 1 << 20;
        var data = new byte[Math.Min(count, First)];
        held = 0;
        while (true)
        {
            held += ReadAtMost(stream, data.AsSpan(held), name);
            if (held < data.Length || data.Length == count) return data;
            Array.Resize(ref data, (int)Math.Min(count, 2L * data.Length));
        }
    }

    private static int ReadAtMost(Stream stream, Span<byte> buffer, string? name = null)
    {
        int total = 0;
        try
        {
            while (total < buffer.Length)
            {
                int n = stream.Read(buffer[total..]);
                if (n == 0) break;
                total += n;
            }
        }
        catch (InvalidDataException e) when (name is not null)
        {
            throw new InvalidDataException($"{name}: corrupt gzip data ({e.Message}).", e);
        }
        return total;
    }
}
