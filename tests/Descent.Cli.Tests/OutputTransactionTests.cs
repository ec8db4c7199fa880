using Descent.Lab.Render.Files;

namespace Descent.Cli.Tests;

// The transaction is one per process: these tests are the only ones here that open it in-process, and the
// tests of one class run one after another.
public sealed class OutputTransactionTests
{
    [Fact]
    public void Dispose_WithoutComplete_RemovesNewFilesRestoresReplacedOnesAndCreatedFolders()
    {
        using var dir = new TempDirectory();
        string old = Path.Combine(dir.Path, "old.txt");
        File.WriteAllText(old, "before");
        string created = Path.Combine(dir.Path, "a", "b");
        using (OutputTransaction.Begin())
        {
            AtomicFile.WriteText(old, w => w.Write("after"));
            AtomicFile.WriteText(old, w => w.Write("after twice"));
            AtomicFile.WriteText(Path.Combine(created, "new.txt"), w => w.Write("new"));
            Assert.Equal("after twice", File.ReadAllText(old));
        }

        Assert.Equal([old], Directory.GetFileSystemEntries(dir.Path));
        Assert.Equal("before", File.ReadAllText(old));
    }

    [Fact]
    public void Complete_KeepsEveryFileAndNoTemporary()
    {
        using var dir = new TempDirectory();
        string old = Path.Combine(dir.Path, "old.txt");
        File.WriteAllText(old, "before");
        using (var transaction = OutputTransaction.Begin())
        {
            AtomicFile.WriteText(old, w => w.Write("after"));
            AtomicFile.WriteText(Path.Combine(dir.Path, "new.txt"), w => w.Write("new"));
            transaction.Complete();
        }

        Assert.Equal(["new.txt", "old.txt"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("after", File.ReadAllText(old));
        Assert.Null(OutputTransaction.Current);
    }

    [Fact]
    public void Checkpoint_KeepsWhatCameBeforeIt()
    {
        using var dir = new TempDirectory();
        using (var transaction = OutputTransaction.Begin())
        {
            AtomicFile.WriteText(Path.Combine(dir.Path, "first.txt"), w => w.Write("1"));
            transaction.Checkpoint();
            AtomicFile.WriteText(Path.Combine(dir.Path, "second.txt"), w => w.Write("2"));
        }

        Assert.Equal(["first.txt"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Abort_MidWrite_DeletesTheTemporaryAndRefusesLaterWrites()
    {
        using var dir = new TempDirectory();
        string target = Path.Combine(dir.Path, "figure.png");
        using (var transaction = OutputTransaction.Begin())
        {
            Assert.Throws<OperationCanceledException>(() => AtomicFile.Write(target, stream =>
            {
                stream.Write(new byte[100]);
                stream.Flush();
                Assert.Single(Directory.GetFiles(dir.Path, ".descent-figure.png.*.tmp"));
                transaction.Abort();
                Assert.Empty(Directory.GetFiles(dir.Path));
            }));
            Assert.Throws<OperationCanceledException>(() => AtomicFile.WriteText(Path.Combine(dir.Path, "later.txt"), w => w.Write("x")));
        }

        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Write_FailingStream_OutputFileExceptionNamingTheTargetAndNoTemporary()
    {
        using var dir = new TempDirectory();
        string target = Path.Combine(dir.Path, "data.csv");

        var e = Assert.Throws<OutputFileException>(() => AtomicFile.Write(target, _ => throw new IOException("No space left on device")));

        Assert.Equal(target, e.Path);
        Assert.Equal("No space left on device", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData(".descent-response.csv.123.0123456789abcdef0123456789abcdef.tmp", 123)]
    [InlineData(".response.csv.4567.0123456789abcdef0123456789abcdef.tmp", 4567)]
    [InlineData(".descent-probe.9.0123456789abcdef0123456789abcdef.tmp", 9)]
    [InlineData(".descent-response.csv.tmp", 0)]
    [InlineData("response.csv.123.0123456789abcdef0123456789abcdef.tmp", 0)]
    [InlineData(".descent-response.csv.123.0123456789ABCDEF0123456789ABCDEF.tmp", 0)]
    public void IsTemporaryName_RecognisesOnlyItsOwnPattern(string name, int pid)
    {
        Assert.Equal(pid != 0, AtomicFile.IsTemporaryName(name, out int found));
        Assert.Equal(pid, found);
    }
}
