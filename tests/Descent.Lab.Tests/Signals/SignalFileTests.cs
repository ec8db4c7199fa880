using Descent.Lab.Signals;

namespace Descent.Lab.Tests.Signals;

public class SignalFileTests
{
    [Fact]
    public void SignalFile_OneNumberPerLine_ReadsValuesInOrder()
    {
        using var dir = new TempDirectory();
        string path = dir.File("s.csv", "1\n-0.5\r\n2.5e-3\n\"4\"\n\n");
        var signal = SignalCatalog.Resolve(path);
        Assert.Equal([1, -0.5, 2.5e-3, 4], signal.Values);
        Assert.Equal(path, signal.Name);
    }

    [Fact]
    public void SignalFile_HeaderOnLineOne_IsSkipped()
    {
        using var dir = new TempDirectory();
        Assert.Equal([3, 4], SignalCatalog.Resolve(dir.File("s.csv", "gradient\n3\n4\n")).Values);
    }

    [Fact]
    public void SignalFile_NanAndInfinity_AreRead()
    {
        using var dir = new TempDirectory();
        var values = SignalCatalog.Resolve(dir.File("s.csv", "nan\ninf\n-inf\nNaN\n-Infinity\n")).Values;
        Assert.True(double.IsNaN(values[0]) && double.IsNaN(values[3]));
        Assert.Equal(double.PositiveInfinity, values[1]);
        Assert.Equal(double.NegativeInfinity, values[2]);
        Assert.Equal(double.NegativeInfinity, values[4]);
    }

    [Fact]
    public void SignalFile_Missing_NamesThePath()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "nope.csv");
        var e = Assert.Throws<LabInputException>(() => SignalCatalog.Resolve(path));
        Assert.Equal("signal", e.Argument);
        Assert.Contains(path, e.Message);
        Assert.Contains("not found", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    [InlineData("gradient\n")]
    public void SignalFile_NoNumbers_SaysSo(string text)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<LabInputException>(() => SignalCatalog.Resolve(dir.File("empty.csv", text)));
        Assert.Contains("holds no numbers", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("1\n2\nabc\n4\n", 3, "'abc' is not a number")]
    [InlineData("1\n2\n1.2.3\n", 3, "'1.2.3' is not a number")]
    [InlineData("1.2.3\n2\n", 1, "'1.2.3' is not a number")]
    [InlineData("1\n2,3\n", 2, "more than one column")]
    [InlineData("1\n\n3\n", 2, "empty line")]
    [InlineData("1\n2\n3,5\n", 3, "more than one column")]
    public void SignalFile_BadLine_NamesTheLineAndTheProblem(string text, int line, string problem)
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.csv", text);
        var e = Assert.Throws<LabInputException>(() => SignalCatalog.Resolve(path));
        Assert.Equal("signal", e.Argument);
        Assert.Contains($"line {line}:", e.Message);
        Assert.Contains(problem, e.Message);
        Assert.Contains(path, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void SignalFile_ExistingFileWithoutCsvExtension_IsRead()
    {
        using var dir = new TempDirectory();
        string saved = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = dir.Path;
            File.WriteAllText("grad.txt", "1\n2\n");
            Assert.Equal([1, 2], SignalCatalog.Resolve("grad.txt").Values);
        }
        finally { Environment.CurrentDirectory = saved; }
    }

    [Fact]
    public void SignalFile_Directory_IsAnError()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<LabInputException>(() => SignalCatalog.Resolve(dir.Path + "/"));
        Assert.Contains("directory", e.Message);
    }
}
