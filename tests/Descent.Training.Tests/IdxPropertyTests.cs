using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Numerics;
using CsCheck;
using Descent.Training.Datasets;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Descent.Training.Tests;

/// <summary>
/// Property tests of the IDX readers (docs/fuzzing.md): any bytes, raw or gzip, either load as the
/// format defines them or are refused with a one-line <see cref="InvalidDataException"/>, in bounded time,
/// with memory that follows the bytes present and never the sizes a header declares. A folder of four
/// files loads exactly when they fit together. CI runs CsCheck's default 100 cases per property;
/// <c>CsCheck_Iter</c> and <c>CsCheck_Time</c> run them longer (docs/fuzzing.md).
/// </summary>
public sealed class IdxPropertyTests(ITestOutputHelper output)
{
    /// <summary>
    /// What one case may take, in wall-clock time: reading a few hundred bytes takes microseconds, and the
    /// margin is for a shared CI machine. The allocation budget, which does not depend on the machine, is the tight guard.
    /// </summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Buffers (stream, gzip window, the first 1 MiB block of values when the length is unknown) plus a
    /// few copies of the data: a reader that believed a header declaring gigabytes would go far beyond.
    /// </summary>
    private static long MemoryBudget(int rawLength) => (3L << 20) + 8L * rawLength;

    // ---- the format, written apart from the reader ----

    /// <summary>The dimensions and values <paramref name="raw"/> holds by the format's definition, or null if it is not an IDX file the reader supports.</summary>
    private static (int[] Dims, byte[] Data)? Model(byte[] raw)
    {
        if (raw.Length < 4 || raw[0] != 0 || raw[1] != 0 || raw[2] != 0x08 || raw[3] == 0) return null;
        int rank = raw[3];
        if (raw.Length < 4 + 4 * rank) return null;
        var dims = new int[rank];
        BigInteger total = 1, itemSize = 1;
        for (int i = 0; i < rank; i++)
        {
            uint d = BinaryPrimitives.ReadUInt32BigEndian(raw.AsSpan(4 + 4 * i));
            if (d > int.MaxValue) return null;
            dims[i] = (int)d;
            total *= d;
            if (i > 0) itemSize *= d;
            // The documented limit: no array, and no item, larger than .NET's largest array.
            if (total > Array.MaxLength || itemSize > Array.MaxLength) return null;
        }
        int start = 4 + 4 * rank;
        if (raw.Length - start < total) return null;
        return (dims, raw[start..(start + (int)total)]);
    }

    private static byte[] Gzip(byte[] raw)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(raw);
        return ms.ToArray();
    }

    private static readonly Gen<uint> Dimension = Gen.Frequency(
        (6, Gen.UInt[0, 6]),
        (2, Gen.OneOf<uint>(0, 1, 255, 65536, 1u << 30, int.MaxValue, 1u << 31, uint.MaxValue)),
        (1, Gen.UInt));

    /// <summary>A header (valid or not) and a body of about the declared length, or of any length.</summary>
    private static readonly Gen<byte[]> Files =
        from magic in Gen.Frequency((6, Gen.Const<byte[]>([0, 0, 0x08])), (1, Gen.OneOf<byte[]>([0, 0, 0x0D], [0, 1, 0x08], [0x50, 0x4B, 3], [0x1F, 0x8B, 8])), (1, Gen.Byte.Array[3]))
        from rank in Gen.Frequency((6, Gen.Int[1, 3]), (1, Gen.Int[0, 255]))
        from dims in Dimension.Array[Math.Min(rank, 6)]
        let declared = dims.Aggregate(1.0, (a, d) => a * d) // in doubles: a product of six uints overflows a long
        from bodyLength in Gen.Frequency((4, Gen.Const((int)Math.Min(declared, 300))), (2, Gen.Int[0, 300]),
            (1, Gen.Const((int)Math.Clamp(declared - 1, 0, 300))), (1, Gen.Const((int)Math.Min(declared + 1, 300))))
        from body in Gen.Byte.Array[bodyLength]
        select Header(magic, rank, dims).Concat(body).ToArray();

    private static byte[] Header(byte[] magic, int rank, uint[] dims)
    {
        var bytes = new List<byte>(magic) { (byte)rank };
        foreach (uint d in dims) bytes.AddRange([(byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d]);
        return [.. bytes];
    }

    /// <summary>What reaches the reader: the file as it is, cut short, gzip-compressed, compressed then cut or damaged, or noise.</summary>
    private static readonly Gen<(byte[] Raw, byte[] Input, bool Intact)> Inputs = Gen.Frequency(
        (4, Files.Select(f => (f, f, true))),
        (2, Gen.Select(Files, Gen.Int[0, 400], (f, cut) => (f[..Math.Min(cut, f.Length)], f[..Math.Min(cut, f.Length)], true))),
        (3, Files.Select(f => (f, Gzip(f), true))),
        (2, Gen.Select(Files, Gen.Int[0, 400], (f, cut) => { byte[] gz = Gzip(f); return (f, gz[..Math.Min(cut, gz.Length)], false); })),
        (2, Gen.Select(Files, Gen.Int[0, 400], Gen.Byte, (f, at, b) => { byte[] gz = Gzip(f); gz[at % gz.Length] ^= (byte)(b | 1); return (f, gz, false); })),
        (2, Gen.Byte.Array[0, 64].Select(b => (b, b, true))),
        (1, Gen.Byte.Array[0, 64].Select(b => (b, (byte[])[0x1F, 0x8B, .. b], false))));

    // ---- helpers ----

    private static Exception? Bounded(long memoryBudget, Action work) => Descent.Testing.BoundedRun.Run(work, Budget, memoryBudget);

    private static void AssertDocumentedError(Exception? thrown, string name)
    {
        if (thrown is not InvalidDataException e)
            throw new XunitException($"Expected InvalidDataException, got {thrown?.GetType().Name ?? "success"}: {thrown}");
        Assert.StartsWith(name, e.Message);
        Assert.DoesNotContain(e.Message, char.IsControl);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes.Length > 80 ? bytes[..80] : bytes) + $" ({bytes.Length} bytes)";

    // ---- properties ----

    [Fact]
    public void Read_AnyBytes_LoadsWhatTheFormatDefinesOrRefusesInBoundedTimeAndMemory() =>
        Inputs.Sample(c =>
        {
            IdxArray? array = null;
            var thrown = Bounded(MemoryBudget(Math.Max(c.Raw.Length, c.Input.Length)), () => array = IdxReader.Read(new MemoryStream(c.Input), "case.idx"));
            var model = c.Intact ? Model(c.Raw) : null;
            if (array is not null)
            {
                Assert.Null(thrown);
                Assert.Equal(array.Dimensions.Aggregate(1L, (a, d) => a * d), array.Data.LongLength);
                if (c.Intact)
                {
                    Assert.True(model is not null, "loaded a file the format rules out");
                    Assert.Equal(model.Value.Dims, array.Dimensions);
                    Assert.Equal(model.Value.Data, array.Data);
                }
                return;
            }
            if (c.Intact && model is not null) throw new XunitException($"refused a valid file: {thrown}");
            AssertDocumentedError(thrown, "case.idx");
        }, writeLine: output.WriteLine, print: c => $"input {Hex(c.Input)}, raw {Hex(c.Raw)}, intact {c.Intact}");

    [Fact]
    public void Read_NonSeekableStream_SameAnswerAsSeekable() =>
        Inputs.Sample(c =>
        {
            var thrownSeekable = Bounded(MemoryBudget(c.Input.Length), () => IdxReader.Read(new MemoryStream(c.Input), "case.idx"));
            IdxArray? array = null;
            var thrown = Bounded(MemoryBudget(Math.Max(c.Raw.Length, c.Input.Length)),
                () => array = IdxReader.Read(new BufferedStream(new GZipStream(new MemoryStream(Gzip(c.Input)), CompressionMode.Decompress)), "case.idx"));
            Assert.Equal(thrownSeekable is null, array is not null);
            if (thrown is not null) AssertDocumentedError(thrown, "case.idx");
        }, writeLine: output.WriteLine, print: c => $"input {Hex(c.Input)}");

    /// <summary>
    /// One of the four files for <paramref name="count"/> samples of rows×columns pixels, usually as
    /// intended, sometimes with one defect: the wrong rank, another count, another image size, cut short.
    /// </summary>
    private static Gen<byte[]> SetFile(bool images, int count, int rows, int columns) =>
        from defect in Gen.Frequency((16, Gen.Const(0)), (1, Gen.Const(1)), (1, Gen.Const(2)), (1, Gen.Const(3)), (1, Gen.Const(4)))
        from other in Gen.Int[0, 3]
        let dims = defect switch
        {
            1 => images ? new[] { count } : [count, rows, columns],
            2 => images ? [other, rows, columns] : [other],
            3 when images => [count, rows + other, columns],
            _ => images ? [count, rows, columns] : [count],
        }
        let total = dims.Aggregate(1L, (a, d) => a * d)
        from cut in defect == 4 ? Gen.Int[1, 20] : Gen.Const(0)
        from values in Gen.Byte.Array[(int)Math.Max(0, Math.Min(total, 200) - cut)]
        from gzip in Gen.Bool
        let raw = Header([0, 0, 0x08], dims.Length, [.. dims.Select(d => (uint)d)]).Concat(values).ToArray()
        select gzip ? Gzip(raw) : raw;

    /// <summary>Four files for splits of a few samples (sometimes none) of a few pixels (sometimes none, or too many).</summary>
    private static readonly Gen<byte[][]> Sets =
        from train in Gen.Frequency((8, Gen.Int[1, 5]), (1, Gen.Const(0)))
        from test in Gen.Frequency((8, Gen.Int[1, 5]), (1, Gen.Const(0)))
        from rows in Gen.Frequency((8, Gen.Int[1, 4]), (1, Gen.Const(0)))
        from columns in Gen.Frequency((8, Gen.Int[1, 4]), (1, Gen.OneOf(0, 65536)))
        from files in Gen.Select(SetFile(true, train, rows, columns), SetFile(false, train, rows, columns),
            SetFile(true, test, rows, columns), SetFile(false, test, rows, columns))
        select new[] { files.Item1, files.Item2, files.Item3, files.Item4 };

    [Fact]
    public void LoadDirectory_AnyFourFiles_LoadsExactlyWhenTheyFitTogether() =>
        Sets.Sample(files =>
        {
            var dir = Directory.CreateTempSubdirectory("descent-idx-prop-");
            try
            {
                var names = DatasetCatalog.StandardFiles;
                for (int i = 0; i < 4; i++) File.WriteAllBytes(Path.Combine(dir.FullName, names[i]), files[i]);
                Dataset? data = null;
                var thrown = Bounded(MemoryBudget(files.Sum(f => f.Length)) * 4, () => data = DatasetCatalog.LoadDirectory(dir.FullName));
                var models = files.Select(f => Model(f[0] == 0x1F ? Gunzip(f) : f)).ToArray();
                bool fits = models.All(m => m is not null)
                    && models[0]!.Value.Dims.Length == 3 && models[2]!.Value.Dims.Length == 3
                    && models[1]!.Value.Dims.Length == 1 && models[3]!.Value.Dims.Length == 1
                    && models[0]!.Value.Dims[0] == models[1]!.Value.Dims[0] && models[2]!.Value.Dims[0] == models[3]!.Value.Dims[0]
                    && models[0]!.Value.Dims[0] > 0 && models[2]!.Value.Dims[0] > 0
                    && models[0]!.Value.Dims[1..].SequenceEqual(models[2]!.Value.Dims[1..]) && models[0]!.Value.Dims[1..].All(d => d > 0);
                if (!fits)
                {
                    AssertDocumentedError(thrown, "");
                    return;
                }
                Assert.Null(thrown);
                var (train, test) = (data!.Train, data.Test);
                int pixels = models[0]!.Value.Dims[1] * models[0]!.Value.Dims[2];
                Assert.Equal(new Networks.Shape(1, models[0]!.Value.Dims[1], models[0]!.Value.Dims[2]), data.SampleShape);
                Assert.Equal(models[1]!.Value.Data, train.Labels);
                Assert.Equal(models[3]!.Value.Data, test.Labels);
                Assert.Equal(train.Count * pixels, train.Images.Length);
                Assert.Equal(test.Count * pixels, test.Images.Length);
                Assert.True(train.Labels.Concat(test.Labels).All(l => l < data.ClassCount));
                Assert.True(train.Images.Concat(test.Images).All(float.IsFinite));
            }
            finally
            {
                dir.Delete(recursive: true);
            }
        }, writeLine: output.WriteLine, print: files => string.Join(" | ", files.Select(Hex)));

    private static byte[] Gunzip(byte[] gz)
    {
        using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    // ---- the edges a random run may miss, pinned ----

    [Theory]
    [InlineData(new uint[] { 1000, 1000, 1000 })]
    [InlineData(new uint[] { 0x7FFFFFC7 })] // Array.MaxLength: within the limit, but not in 3 bytes
    [InlineData(new uint[] { 60000, 28, 28 })]
    public void Read_HugeDeclaredDimensionsOverFewBytes_RefusedWithoutAllocatingThem(uint[] dims)
    {
        byte[] raw = [.. Header([0, 0, 0x08], dims.Length, dims), 1, 2, 3];
        foreach (byte[] input in new[] { raw, Gzip(raw) })
        {
            var thrown = Bounded(MemoryBudget(raw.Length), () => IdxReader.Read(new MemoryStream(input), "big.idx"));
            AssertDocumentedError(thrown, "big.idx");
            Assert.Contains("truncated", thrown!.Message);
        }
    }

    [Fact]
    public void Read_ZeroItemsOfHugeItems_RefusedAsTooLarge()
    {
        byte[] raw = Header([0, 0, 0x08], 3, [0, 65536, 65536]);
        var thrown = Bounded(MemoryBudget(raw.Length), () => IdxReader.Read(new MemoryStream(raw), "z.idx"));
        AssertDocumentedError(thrown, "z.idx");
        Assert.Contains("too large", thrown!.Message);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(3, 0)]
    public void LoadDirectory_SplitWithoutImages_RefusedNamingTheFile(int train, int test)
    {
        var dir = Directory.CreateTempSubdirectory("descent-idx-empty-");
        try
        {
            var counts = new[] { train, train, test, test };
            for (int i = 0; i < 4; i++)
            {
                int[] dims = i % 2 == 0 ? [counts[i], 2, 2] : [counts[i]];
                byte[] raw = [.. Header([0, 0, 0x08], dims.Length, [.. dims.Select(d => (uint)d)]), .. new byte[dims.Aggregate(1, (a, d) => a * d)]];
                File.WriteAllBytes(Path.Combine(dir.FullName, DatasetCatalog.StandardFiles[i]), raw);
            }
            var e = Assert.Throws<InvalidDataException>(() => DatasetCatalog.LoadDirectory(dir.FullName));
            Assert.Contains(DatasetCatalog.StandardFiles[train == 0 ? 0 : 2] + " holds no images", e.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
