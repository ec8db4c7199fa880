using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Descent.State;

/// <summary>
/// The saved state of an optimizer, format version 1, all numbers little-endian:
/// <code>
/// magic      8 bytes   "DESCENT\0"
/// version    int32     1
/// optimizer  string    rule name, e.g. "adam" (length-prefixed UTF-8, as BinaryWriter)
/// precision  string    "float" or "double"
/// step       int64     steps taken
/// length     int32     parameters
/// buffers    int32 B, then B times: name string, length values of the precision
/// scalars    int32 S, then S float64 values
/// </code>
/// Version 2, written only when some buffer is not <c>length</c> long (L-BFGS's history), gives each buffer's own
/// length as an int32 after its name; everything else is as version 1.
/// Everything a step reads is in the file, so a run saved and resumed at any step continues bit for bit.
/// </summary>
public static class OptimizerStateFile
{
    /// <summary>The format version of a state whose buffers all mirror the parameters.</summary>
    public const int Version = 1;

    /// <summary>The format version of a state with buffers of other lengths: each buffer's length is written.</summary>
    public const int SizedVersion = 2;

    private static ReadOnlySpan<byte> Magic => "DESCENT\0"u8;

    /// <summary>What the file holds.</summary>
    public sealed record Content<T>(string Optimizer, long StepCount, int Length, IReadOnlyList<string> BufferNames, IReadOnlyList<T[]> Buffers, double[] Scalars);

    /// <summary>Writes <paramref name="content"/> to <paramref name="stream"/>.</summary>
    public static void Write<T>(Stream stream, Content<T> content) where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        bool sized = content.Buffers.Any(b => b.Length != content.Length);
        w.Write(Magic);
        w.Write(sized ? SizedVersion : Version);
        w.Write(content.Optimizer);
        w.Write(PrecisionName<T>());
        w.Write(content.StepCount);
        w.Write(content.Length);
        w.Write(content.Buffers.Count);
        for (int i = 0; i < content.Buffers.Count; i++)
        {
            w.Write(content.BufferNames[i]);
            if (sized) w.Write(content.Buffers[i].Length);
            w.Write(MemoryMarshal.AsBytes(content.Buffers[i].AsSpan()));
        }
        w.Write(content.Scalars.Length);
        foreach (double s in content.Scalars) w.Write(s);
    }

    /// <summary>Reads a state; throws <see cref="InvalidDataException"/> with the reason when the bytes are not one.</summary>
    public static Content<T> Read<T>(Stream stream) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("The state format is little-endian.");
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            Span<byte> magic = stackalloc byte[8];
            r.BaseStream.ReadExactly(magic);
            if (!magic.SequenceEqual(Magic)) throw new InvalidDataException("Not a Descent optimizer state (bad magic).");
            int version = r.ReadInt32();
            if (version is not (Version or SizedVersion))
                throw new InvalidDataException($"State format version {version} is not supported; this build reads versions {Version} and {SizedVersion}.");
            string optimizer = r.ReadString();
            string precision = r.ReadString();
            if (precision != PrecisionName<T>()) throw new InvalidDataException($"State holds {precision} values, expected {PrecisionName<T>()}.");
            long step = r.ReadInt64();
            int length = r.ReadInt32();
            int count = r.ReadInt32();
            if (step < 0 || length < 0 || length > Array.MaxLength || count < 0 || count > 64)
                throw new InvalidDataException($"Corrupt state header (step {step}, {length} parameters, {count} buffers).");
            // A corrupt length must not allocate gigabytes before the read runs out of bytes.
            if (version == Version && r.BaseStream.CanSeek && (long)length * count * Unsafe.SizeOf<T>() > r.BaseStream.Length - r.BaseStream.Position)
                throw new InvalidDataException("Optimizer state is truncated.");
            var names = new string[count];
            var buffers = new T[count][];
            for (int i = 0; i < count; i++)
            {
                names[i] = r.ReadString();
                int size = version == Version ? length : r.ReadInt32();
                if (size < 0 || size > Array.MaxLength) throw new InvalidDataException($"Corrupt state buffer length {size}.");
                if (r.BaseStream.CanSeek && (long)size * Unsafe.SizeOf<T>() > r.BaseStream.Length - r.BaseStream.Position)
                    throw new InvalidDataException("Optimizer state is truncated.");
                buffers[i] = new T[size];
                r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(buffers[i].AsSpan()));
            }
            int scalarCount = r.ReadInt32();
            if (scalarCount < 0 || scalarCount > 1 << 20) throw new InvalidDataException("Corrupt state scalars.");
            var scalars = new double[scalarCount];
            for (int i = 0; i < scalarCount; i++) scalars[i] = r.ReadDouble();
            return new Content<T>(optimizer, step, length, names, buffers, scalars);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("Optimizer state is truncated.");
        }
    }

    private static string PrecisionName<T>() => typeof(T) == typeof(float) ? "float" : typeof(T) == typeof(double) ? "double" : typeof(T).Name;
}
