using System.Globalization;
using Descent.Specs;

namespace Descent.Lab.IO;

/// <summary>
/// Writes CSV for every experiment (response, trajectory, training…) per RFC 4180: a field holding a
/// comma, a double quote, a carriage return or a line feed is enclosed in double quotes with its quotes
/// doubled, so optimizer specs like <c>adam(lr=0.25, beta1=0.9)</c> survive. Numbers use the invariant
/// culture and round-trip precision (<c>R</c>: parsing the text gives back the same double); NaN and
/// infinities are written <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>. Records end with <c>\n</c>
/// (RFC 4180 readers accept it; shell tools prefer it) unless another line end is given.
/// </summary>
public sealed class CsvWriter(TextWriter writer, string newLine = "\n")
{
    private readonly TextWriter _writer = writer ?? throw new ArgumentNullException(nameof(writer));

    /// <summary>Writes one record; each field is formatted with <see cref="Format"/>.</summary>
    public void WriteRow(params ReadOnlySpan<object?> fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0) _writer.Write(',');
            _writer.Write(Escape(Format(fields[i])));
        }
        _writer.Write(newLine);
    }

    /// <summary>Writes one record of text fields (a header).</summary>
    public void WriteRow(IEnumerable<string> fields) => WriteRow([.. fields.Cast<object?>()]);

    /// <summary>
    /// The text of one field before quoting: numbers invariant and round-trip (<c>R</c>), booleans
    /// <c>true</c>/<c>false</c>, null empty, anything else its invariant <c>ToString</c>.
    /// </summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => FormatNumber(d),
        float f => OptimizerSpec.RoundTrip(f),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A double in the invariant culture with round-trip precision.</summary>
    public static string FormatNumber(double value) => OptimizerSpec.RoundTrip(value);

    /// <summary><paramref name="field"/> quoted if it holds a comma, a quote, CR or LF (quotes doubled), else as is.</summary>
    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
