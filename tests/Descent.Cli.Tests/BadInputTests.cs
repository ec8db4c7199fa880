using System.Buffers.Binary;
using Descent.Cli.Infrastructure;

namespace Descent.Cli.Tests;

public sealed class BadInputTests
{
    private static string OneLine(DescentProcess.Outcome run)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.DoesNotContain("   at ", run.Err);
        return Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e309")]
    [InlineData("-1e309")]
    [InlineData("inf")]
    [InlineData("NaN")]
    [InlineData("nan")]
    public void SpecNumber_NotFinite_RefusedLikeEveryOther(string value)
    {
        string line = OneLine(DescentProcess.Run("trajectory", "--function", "quadratic", "--optimizer", $"adam(lr={value})", "--steps", "2"));

        Assert.Equal($"descent: --optimizer: lr={value} is not a number (finite values only, e.g. lr=0.001 or lr=1e-3).", line);
    }

    [Theory]
    [InlineData("Infinity,0")]
    [InlineData("0,1e309")]
    [InlineData("NaN,1")]
    [InlineData("inf,1")]
    public void Start_NotFinite_Refused(string value)
    {
        string line = OneLine(DescentProcess.Run("trajectory", "--function", "quadratic", "--optimizer", "adam", $"--start={value}"));

        Assert.StartsWith($"descent: --start: '{value}' is not a point; valid: two finite numbers x,y", line);
    }

    [Fact]
    public void Response_DivergedCurve_ReportedOnStandardError()
    {
        using var dir = new TempDirectory();
        string signal = Path.Combine(dir.Path, "ones.csv");
        File.WriteAllText(signal, "1\n1\n1\n");
        // PyTorch momentum: v1 = 1, update 1e308; v2 = 0.9·1 + 1 = 1.9, update 1.9e308 = +inf. Adam's updates stay near lr.
        var run = DescentProcess.Run("response", "--signal", signal, "--optimizer", "sgd(lr=1e308,momentum=0.9)", "--optimizer", "adam");

        Assert.Equal(0, run.ExitCode);
        string line = Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("sgd(lr=1e308,momentum=0.9): diverged at step 2; its updates are not finite from there on", line);
    }

    [Fact]
    public void Train_IdxFolderWithNoTestImages_RefusedAsBadInput()
    {
        using var dir = new TempDirectory();
        WriteIdx(Path.Combine(dir.Path, "train-images-idx3-ubyte"), [2, 3, 3], new byte[18]);
        WriteIdx(Path.Combine(dir.Path, "train-labels-idx1-ubyte"), [2], [0, 1]);
        WriteIdx(Path.Combine(dir.Path, "t10k-images-idx3-ubyte"), [0, 3, 3], []);
        WriteIdx(Path.Combine(dir.Path, "t10k-labels-idx1-ubyte"), [0], []);

        string line = OneLine(DescentProcess.Run("train", "--dataset", dir.Path, "--model", "logreg", "--optimizer", "sgd", "--epochs", "1"));

        Assert.StartsWith("descent: --dataset: ", line);
        // Without test images every accuracy would be 0/0: "test accuracy NaN%" would look like a result.
        Assert.Contains("t10k-images-idx3-ubyte holds no images; the test split needs at least one", line);
        Assert.DoesNotContain("NaN", line);
    }

    [Theory]
    [InlineData(new[] { "trajectory", "--function", "quadratic", "--optimizer", "adam\u001b[2J" }, "--optimizer")]
    [InlineData(new[] { "trajectory", "--function", "quadratic", "--optimizer", "adam", "--fo\u001b]0;pwned\u0007o", "1" }, "--fo")]
    [InlineData(new[] { "trajectory", "--function", "quadratic", "--optimizer", "adam", "--png", "figure.\u001b[31m" }, "--png")]
    [InlineData(new[] { "response", "--signal", "spikes\u009b2J", "--optimizer", "adam" }, "--signal")]
    public void ControlCharacters_FromInput_EscapedBeforeTheTerminal(string[] args, string argument)
    {
        string line = OneLine(DescentProcess.Run(args));

        Assert.StartsWith($"descent: {argument}", line);
        Assert.DoesNotContain(line, char.IsControl);
        Assert.True(line.Contains("\\u001b", StringComparison.Ordinal) || line.Contains("\\u009b", StringComparison.Ordinal), line);
    }

    [Fact]
    public void ControlCharacters_InAFormula_EscapedWithTheCaretStillUnderTheError()
    {
        var run = DescentProcess.Run("trajectory", "--function", "x^2\t+ \u001b[1A", "--optimizer", "adam");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.DoesNotContain(run.Err.Replace("\n", ""), char.IsControl);
        var lines = run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("descent: --function: ", lines[0]);
        Assert.Contains("U+001B", lines[0]);
        // The escape character is at index 6; the tab before it shows as the two characters \t, in the caret line too.
        int formula = lines[1].IndexOf("x^2\\t+ ", StringComparison.Ordinal);
        Assert.True(formula >= 0, lines[1]);
        Assert.Equal(formula + 7, lines[2].IndexOf('^'));
    }

    [Theory]
    [InlineData("a\u001b[31mb", "a\\u001b[31mb")]
    [InlineData("line\nbreak\r\ttab", "line\\nbreak\\r\\ttab")]
    [InlineData("del\u007f c1\u0085 rlo\u202e bell\u0007", "del\\u007f c1\\u0085 rlo\\u202e bell\\u0007")]
    [InlineData("plain ütf-8 ✓ 🙂", "plain ütf-8 ✓ 🙂")]
    public void Escape_ControlCharacters_BecomeVisible(string text, string expected)
    {
        Assert.Equal(expected, Terminal.Escape(text));
    }

    [Fact]
    public void Escape_LoneSurrogate_BecomesVisible()
    {
        // Built here: a lone surrogate does not survive a test case's serialisation.
        Assert.Equal("lone \\ud800 surrogate", Terminal.Escape("lone " + (char)0xD800 + " surrogate"));
    }

    private static void WriteIdx(string path, int[] dims, byte[] data)
    {
        var bytes = new byte[4 + 4 * dims.Length + data.Length];
        bytes[2] = 0x08;
        bytes[3] = (byte)dims.Length;
        for (int i = 0; i < dims.Length; i++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dims[i]);
        data.CopyTo(bytes, 4 + 4 * dims.Length);
        File.WriteAllBytes(path, bytes);
    }
}
