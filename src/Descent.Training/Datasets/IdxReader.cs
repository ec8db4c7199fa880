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

    /// <summary>Reads an IDX array from <paramref name="stream"/>; <paramref name="name"/> appears in error messages.</summary>
    public static IdxArray Read(Stream stream, string name = "IDX stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffered = new BufferedStream(stream);
        Span<byte> magic = stackalloc byte[4];
        int got = ReadAtMost(buffered, magic);
        Stream body = buffered;
        if (got >= 2 && magic[0] == 0x1F && magic[1] == 0x8B)
        {
            var rest = new MemoryStream();
            rest.Write(magic[..got]);
            buffered.CopyTo(rest);
            rest.Position = 0;
            body = new GZipStream(rest, CompressionMode.Decompress);
            try
            {
                got = ReadAtMost(body, magic);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{name}: corrupt gzip data ({e.Message}).", e);
            }
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
        long total = 1;
        for (int i = 0; i < rank; i++)
        {
            uint d = BinaryPrimitives.ReadUInt32BigEndian(header[(4 * i)..]);
            if (d > int.MaxValue) throw new InvalidDataException($"{name}: dimension {i} is {d}, too large.");
            dims[i] = (int)d;
            total *= d;
            if (total > Array.MaxLength) throw new InvalidDataException($"{name}: {string.Join("×", dims.Take(i + 1))} values is too large.");
        }
        var data = new byte[total];
        got = ReadAtMost(body, data, name);
        if (got < total)
            throw new InvalidDataException($"{name}: truncated: the header declares {string.Join("×", dims)} = {total} values, the file holds {got}.");
        return new IdxArray(dims, data);
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
