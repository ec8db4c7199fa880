using System.IO.Compression;
using Descent.Training.Datasets;

namespace Descent.Training.Tests;

public sealed class IdxReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("descent-idx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>An IDX file written byte by byte from the format's definition.</summary>
    private static byte[] Idx(int[] dims, byte[] data)
    {
        var bytes = new List<byte> { 0, 0, 0x08, (byte)dims.Length };
        foreach (int d in dims) bytes.AddRange([(byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d]);
        bytes.AddRange(data);
        return [.. bytes];
    }

    private static byte[] Gzip(byte[] raw)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(raw);
        return ms.ToArray();
    }

    private static readonly byte[] Pixels = [.. Enumerable.Range(0, 2 * 3 * 2).Select(i => (byte)(i * 20))];

    [Fact]
    public void Read_RawFile_RoundTripsDimensionsAndValues()
    {
        string path = Path.Combine(_dir, "images");
        File.WriteAllBytes(path, Idx([2, 3, 2], Pixels));
        var array = IdxReader.ReadFile(path);
        Assert.Equal([2, 3, 2], array.Dimensions);
        Assert.Equal(2, array.Count);
        Assert.Equal(6, array.ItemSize);
        Assert.Equal(Pixels, array.Data);
    }

    [Fact]
    public void Read_GzipFile_RoundTripsDimensionsAndValues()
    {
        string path = Path.Combine(_dir, "images.gz");
        File.WriteAllBytes(path, Gzip(Idx([2, 3, 2], Pixels)));
        var array = IdxReader.ReadFile(path);
        Assert.Equal([2, 3, 2], array.Dimensions);
        Assert.Equal(Pixels, array.Data);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 1 })]
    [InlineData(new byte[] { 0, 1, 0x08, 0x01, 0, 0, 0, 1, 7 })]
    public void Read_WrongMagic_ThrowsNamingMagicNumber(byte[] bytes)
    {
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(new MemoryStream(bytes), "f"));
        Assert.Contains("magic number", e.Message);
    }

    [Fact]
    public void Read_UnsupportedType_ThrowsNamingType()
    {
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(new MemoryStream([0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0]), "f"));
        Assert.Contains("data type 0x0D", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(15)]
    [InlineData(16 + 11)]
    public void Read_Truncated_ThrowsTruncated(int keep)
    {
        byte[] full = Idx([2, 3, 2], Pixels);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(new MemoryStream(full[..keep]), "f"));
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Read_TruncatedGzipPayload_ThrowsTruncated()
    {
        byte[] gz = Gzip(Idx([2, 3, 2], Pixels)[..20]);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.Read(new MemoryStream(gz), "f"));
        Assert.Contains("truncated", e.Message);
    }

    private void WriteSet(string dir, int trainImages, int trainLabels, bool gzip = false, string dot = "-")
    {
        Directory.CreateDirectory(dir);
        void Write(string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(dir, name + (gzip ? ".gz" : "")), gzip ? Gzip(bytes) : bytes);
        Write($"train-images{dot}idx3-ubyte", Idx([trainImages, 2, 2], new byte[trainImages * 4]));
        Write($"train-labels{dot}idx1-ubyte", Idx([trainLabels], [.. Enumerable.Range(0, trainLabels).Select(i => (byte)(i % 3))]));
        Write($"t10k-images{dot}idx3-ubyte", Idx([2, 2, 2], [0, 255, 51, 102, 255, 255, 0, 0]));
        Write($"t10k-labels{dot}idx1-ubyte", Idx([2], [2, 1]));
    }

    [Theory]
    [InlineData(false, "-")]
    [InlineData(true, "-")]
    [InlineData(true, ".")]
    public void LoadDirectory_StandardNames_LoadsBothSplits(bool gzip, string dot)
    {
        WriteSet(_dir, 4, 4, gzip, dot);
        var data = DatasetCatalog.Load(_dir);
        Assert.Equal(4, data.Train.Count);
        Assert.Equal(2, data.Test.Count);
        Assert.Equal(new Networks.Shape(1, 2, 2), data.SampleShape);
        Assert.Equal(3, data.ClassCount);
        Assert.Equal([2, 1], data.Test.Labels);
        // Training pixels are all 0: mean 0, deviation 0 (kept as 1), so test pixels stay at value/255.
        Assert.Equal([0f, 1f, 0.2f, 0.4f], data.Test.Images[..4]);
    }

    [Fact]
    public void LoadDirectory_CountsDisagree_ThrowsNamingBothCounts()
    {
        WriteSet(_dir, 4, 5);
        var e = Assert.Throws<InvalidDataException>(() => DatasetCatalog.LoadDirectory(_dir));
        Assert.Contains("4 images", e.Message);
        Assert.Contains("5 labels", e.Message);
    }

    [Fact]
    public void LoadDirectory_MissingFile_ThrowsNamingIt()
    {
        WriteSet(_dir, 4, 4);
        File.Delete(Path.Combine(_dir, "t10k-labels-idx1-ubyte"));
        var e = Assert.Throws<FileNotFoundException>(() => DatasetCatalog.LoadDirectory(_dir));
        Assert.Contains("t10k-labels-idx1-ubyte", e.Message);
    }
}
