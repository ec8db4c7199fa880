using System.Diagnostics;
using System.Globalization;
using CsCheck;
using Descent.Lab.Signals;

namespace Descent.Lab.Tests.Signals;

/// <summary>
/// Any text given as a signal file either parses into 1 to <see cref="SignalFile.MaxSamples"/> numbers or is refused
/// with the documented one-line <see cref="LabInputException"/> on <c>signal</c> — never another exception — and
/// each case is answered within a time budget. A long run: <c>CsCheck_Iter=1000000 dotnet test … --filter SignalFilePropertyTests</c>.
/// </summary>
public sealed class SignalFilePropertyTests
{
    private const string Name = "fuzz.csv";

    // Generous for a 2-core machine under load: a case holds at most a few thousand characters.
    private static readonly TimeSpan CaseBudget = TimeSpan.FromSeconds(1);

    private static readonly Gen<string> Separator = Gen.OneOf(Gen.Const("\n"), Gen.Const("\r\n"), Gen.Const("\r"));

    // Pieces a hostile or careless file is made of: numbers, the special words, quotes, other columns, control characters.
    private static readonly Gen<string> Line = Gen.OneOf(
        Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.OneOf(Gen.Const("nan"), Gen.Const("-inf"), Gen.Const("Infinity"), Gen.Const("gradient"), Gen.Const(""), Gen.Const("  "),
            Gen.Const("\"1.5\""), Gen.Const("\"\""), Gen.Const("\""), Gen.Const("1,2"), Gen.Const("1;2"), Gen.Const("1\t2"), Gen.Const("1e999"),
            Gen.Const("\u0000"), Gen.Const("\u001b[31m"), Gen.Const("\u2028"), Gen.Const("\uFEFF1")),
        Gen.Char["0123456789.-+eEinfa,;\t \"\r\n\0x"].Array[0, 12].Select(c => new string(c)),
        Gen.Int[990, 1010].Select(n => new string('7', n)));

    private static readonly Gen<string> File = Gen.Select(Line.Array[0, 40], Separator, Gen.Bool)
        .Select((lines, separator, endsWithSeparator) => string.Join(separator, lines) + (endsWithSeparator ? separator : ""));

    private static void ParsesOrRefusesInOneLine(string text)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var signal = SignalFile.Read(new StringReader(text), Name);
            Assert.InRange(signal.Length, 1, SignalFile.MaxSamples);
        }
        catch (LabInputException e)
        {
            Assert.Equal("signal", e.Argument);
            Assert.StartsWith($"Signal file '{Name}'", e.Message);
            Assert.DoesNotContain(e.Message, char.IsControl);
        }
        Assert.True(clock.Elapsed < CaseBudget, $"{clock.Elapsed.TotalMilliseconds:F0} ms for {text.Length} characters");
    }

    [Fact]
    public void SignalFile_AnyText_ParsesOrRaisesTheOneLineError() =>
        Gen.String[0, 300].Sample(ParsesOrRefusesInOneLine, iter: 2_000);

    [Fact]
    public void SignalFile_LinesOfNumbersAndJunk_ParseOrRaiseTheOneLineError() =>
        File.Sample(ParsesOrRefusesInOneLine, iter: 2_000);

    [Fact]
    public void SignalFile_NumbersWrittenRoundTrip_ReadBackBitForBit() =>
        Gen.Select(Gen.Double.Array[1, 60], Separator, Gen.Bool).Sample((values, separator, header) =>
        {
            string text = (header ? "gradient" + separator : "")
                + string.Join(separator, values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + separator;

            var signal = SignalFile.Read(new StringReader(text), Name);

            // Every NaN is written "NaN" and read back as double.NaN, whatever its payload.
            Assert.Equal(values.Select(v => BitConverter.DoubleToInt64Bits(double.IsNaN(v) ? double.NaN : v)), signal.Values.Select(BitConverter.DoubleToInt64Bits));
        }, iter: 500);
}
