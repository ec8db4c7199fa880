using System.Globalization;

namespace Descent.Lab.Signals;

/// <summary>
/// A user's signal from a one-column CSV file: one number per line, invariant culture
/// (<c>0.5</c>, <c>-1e-3</c>; <c>nan</c>, <c>inf</c>, <c>-inf</c> are allowed and propagate).
/// Line 1 may be a header (a word such as <c>gradient</c>); a field may be quoted; blank lines are
/// allowed only at the end. Every error names the file and the line.
/// </summary>
public static class SignalFile
{
    /// <summary>Reads the file at <paramref name="path"/>; the signal is named by the path as given.</summary>
    public static Signal Read(string path)
    {
        string trimmed = path.Trim();
        if (Directory.Exists(trimmed)) throw new LabInputException("signal", $"Signal file '{trimmed}' is a directory, not a .csv file.");
        if (!File.Exists(trimmed)) throw new LabInputException("signal", $"Signal file '{trimmed}' not found.");
        try
        {
            using var reader = new StreamReader(trimmed, detectEncodingFromByteOrderMarks: true);
            return Read(reader, trimmed);
        }
        catch (IOException e) { throw new LabInputException("signal", $"Signal file '{trimmed}' cannot be read: {e.Message}", e); }
        catch (UnauthorizedAccessException e) { throw new LabInputException("signal", $"Signal file '{trimmed}' cannot be read: {e.Message}", e); }
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>; <paramref name="name"/> names the source in errors and in the signal.</summary>
    public static Signal Read(TextReader reader, string name)
    {
        var values = new List<double>();
        int lineNumber = 0, firstBlank = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            string field = line.Trim();
            if (field.Length == 0)
            {
                if (firstBlank == 0) firstBlank = lineNumber;
                continue;
            }
            if (firstBlank != 0)
                throw new LabInputException("signal", $"Signal file '{name}', line {firstBlank}: empty line inside the data; write one number per line.");
            if (field.Length >= 2 && field[0] == '"' && field[^1] == '"') field = field[1..^1].Replace("\"\"", "\"").Trim();
            else if (field.Contains(',') || field.Contains(';') || field.Contains('\t'))
                throw new LabInputException("signal", $"Signal file '{name}', line {lineNumber}: '{Shorten(line)}' has more than one column; a signal file has one number per line.");
            if (TryParse(field, out double value)) values.Add(value);
            else if (lineNumber == 1 && values.Count == 0 && IsHeader(field)) continue;
            else throw new LabInputException("signal", $"Signal file '{name}', line {lineNumber}: '{Shorten(field)}' is not a number.");
        }
        if (values.Count == 0) throw new LabInputException("signal", $"Signal file '{name}' holds no numbers; write one number per line.");
        return new Signal(name, values);
    }

    private static bool TryParse(string text, out double value)
    {
        switch (text.ToLowerInvariant())
        {
            case "nan" or "+nan" or "-nan": value = double.NaN; return true;
            case "inf" or "+inf" or "infinity" or "+infinity": value = double.PositiveInfinity; return true;
            case "-inf" or "-infinity": value = double.NegativeInfinity; return true;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsHeader(string field) => char.IsLetter(field[0]) && field.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or ' ' or '.');

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
