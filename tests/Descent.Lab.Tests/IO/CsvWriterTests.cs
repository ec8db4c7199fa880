using Descent.Lab.IO;

namespace Descent.Lab.Tests.IO;

public class CsvWriterTests
{
    private static string Row(params object?[] fields)
    {
        var text = new StringWriter();
        new CsvWriter(text).WriteRow(fields);
        return text.ToString();
    }

    [Theory]
    [InlineData("adam", "adam")]
    [InlineData("adam(lr=0.25, beta1=0.9)", "\"adam(lr=0.25, beta1=0.9)\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData("", "")]
    public void Escape_SpecialCharacters_QuotedPerRfc4180(string field, string expected) =>
        Assert.Equal(expected, CsvWriter.Escape(field));

    [Fact]
    public void WriteRow_MixedFields_InvariantRoundTripNumbers()
    {
        Assert.Equal("\"sgd(lr=1, momentum=0.5)\",3,0.1,-1E-300,NaN,Infinity,true,\n",
            Row("sgd(lr=1, momentum=0.5)", 3, 0.1, -1e-300, double.NaN, double.PositiveInfinity, true, null));
    }

    [Fact]
    public void FormatNumber_AnyDouble_ParsesBackToSameBits()
    {
        foreach (double d in new[] { 0.1 + 0.2, Math.PI, 1e-320, -0.0, double.MaxValue, 1.0 / 3 })
        {
            string text = CsvWriter.FormatNumber(d);
            Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void FormatNumber_UnderCommaCulture_StillUsesPoint()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            Assert.Equal("0.5", Row(0.5).TrimEnd('\n'));
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = saved; }
    }
}
