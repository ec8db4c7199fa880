using System.Diagnostics;
using Descent.Lab.Signals;

namespace Descent.Lab.Tests.Signals;

/// <summary>The documented limits of a signal file: a stream without end is refused in bounded time and memory.</summary>
public sealed class SignalFileLimitTests
{
    /// <summary>A text without end, <paramref name="pattern"/> over and over (a <c>/dev/zero</c>, a log that never stops).</summary>
    private sealed class EndlessReader(string pattern) : TextReader
    {
        private long _position;

        public long CharactersRead => _position;

        public override int Peek() => pattern[(int)(_position % pattern.Length)];

        public override int Read() => pattern[(int)(_position++ % pattern.Length)];
    }

    private static (LabInputException Error, long Read, TimeSpan Elapsed, long Allocated) Refusal(EndlessReader reader)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<LabInputException>(() => SignalFile.Read(reader, "endless.csv"));
        return (e, reader.CharactersRead, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void SignalFile_EndlessZeroBytes_RefusedAtTheLineLengthLimit()
    {
        var (e, read, elapsed, _) = Refusal(new EndlessReader("\0"));

        Assert.Equal("signal", e.Argument);
        Assert.Equal("Signal file 'endless.csv', line 1: longer than the limit of 1000 characters; a signal file has one number per line.", e.Message);
        Assert.Equal(SignalFile.MaxLineLength + 1, read);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"{elapsed}");
    }

    [Fact]
    public void SignalFile_EndlessNumbers_RefusedAfterTheLimitOfNumbers()
    {
        var (e, read, elapsed, allocated) = Refusal(new EndlessReader("0.25\n"));

        Assert.Equal("Signal file 'endless.csv', line 100001: more than the limit of 100000 numbers.", e.Message);
        Assert.Equal(5L * (SignalFile.MaxSamples + 1), read);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"{elapsed}");
        // 100,000 doubles and their line texts: a few tens of MB at most, not the gigabytes of an unbounded read.
        Assert.True(allocated < 100_000_000, $"{allocated:N0} bytes");
    }

    [Fact]
    public void SignalFile_EndlessBlankLinesAfterTheData_RefusedAtTheLineLimit()
    {
        var (e, _, elapsed, _) = Refusal(new EndlessReader("\n"));

        Assert.Equal("Signal file 'endless.csv' has more than the limit of 100100 lines (100000 numbers).", e.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"{elapsed}");
    }

    [Fact]
    public void SignalFile_ExactlyTheLimits_IsRead()
    {
        string longest = "1" + new string(' ', SignalFile.MaxLineLength - 1);
        string text = "gradient\n" + longest + "\n" + string.Concat(Enumerable.Repeat("2\n", SignalFile.MaxSamples - 1)) + new string('\n', 99);

        var signal = SignalFile.Read(new StringReader(text), "full.csv");

        Assert.Equal(SignalFile.MaxSamples, signal.Length);
        Assert.Equal(1, signal.Values[0]);
        Assert.Equal(2, signal.Values[^1]);
    }

    [Fact]
    public void SignalFile_EmptyQuotedField_IsNotANumber()
    {
        var e = Assert.Throws<LabInputException>(() => SignalFile.Read(new StringReader("\"\""), "quotes.csv"));

        Assert.Equal("Signal file 'quotes.csv', line 1: '' is not a number.", e.Message);
    }

    [Fact]
    public void SignalFile_ControlCharactersInABadLine_AreEscapedInTheMessage()
    {
        var e = Assert.Throws<LabInputException>(() => SignalFile.Read(new StringReader("1\n\u001b[31mred\n"), "ansi.csv"));

        Assert.Equal("Signal file 'ansi.csv', line 2: '\\u001b[31mred' is not a number.", e.Message);
    }
}
