using System.Globalization;

namespace Descent.Lab.Signals;

/// <summary>
/// A user's signal from a one-column CSV file: one number per line, invariant culture
/// (<c>0.5</c>, <c>-1e-3</c>; <c>nan</c>, <c>inf</c>, <c>-inf</c> are allowed and propagate).
/// Line 1 may be a header (a word such as <c>gradient</c>); a field may be quoted; blank lines are
/// allowed only at the end. Every error names the file and the line.
/// </summary>
/// <remarks>
/// The file is read as a stream, line by line, and refused as soon as it passes a limit, so any file —
/// <c>/dev/zero</c>, a log of millions of lines — costs bounded time and memory: at most
/// <see cref="MaxSamples"/> numbers, <see cref="MaxLineLength"/> characters per line and
/// <see cref="MaxLines"/> lines in all (a header and blank lines at the end fit in the difference).
/// </remarks>
public static class SignalFile
{
    /// <summary>The most numbers a signal file may hold: the most steps a response run takes, as a trajectory's.</summary>
    public const int MaxSamples = 100_000;

    /// <summary>The most characters one line may hold (a round-trip double needs 25).</summary>
    public const int MaxLineLength = 1_000;

    /// <summary>The most lines a signal file may hold: <see cref="MaxSamples"/>, a header and up to 99 blank lines at the end.</summary>
    public const int MaxLines = MaxSamples + 100;

    /// <summary>Reads the file at <paramref name="path"/>; the signal is named by the path as given.</summary>
    /// <exception cref="LabInputException"><c>signal</c>: a missing or unreadable file, a bad line, or a limit passed.</exception>
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
    /// <exception cref="LabInputException"><c>signal</c>: a bad line, no numbers, or a limit passed (<see cref="MaxSamples"/>, <see cref="MaxLineLength"/>, <see cref="MaxLines"/>).</exception>
    public static Signal Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var values = new List<double>();
        var line = new System.Text.StringBuilder();
        int lineNumber = 0, firstBlank = 0;
        bool afterCr = false;
        while (ReadLine(reader, line, ref afterCr, out bool tooLong))
        {
            lineNumber++;
            if (tooLong)
                throw new LabInputException("signal", $"Signal file '{name}', line {lineNumber}: longer than the limit of {MaxLineLength} characters; a signal file has one number per line.");
            if (lineNumber > MaxLines)
                throw new LabInputException("signal", $"Signal file '{name}' has more than the limit of {MaxLines} lines ({MaxSamples} numbers).");
            string text = line.ToString();
            string field = text.Trim();
            if (field.Length == 0)
            {
                if (firstBlank == 0) firstBlank = lineNumber;
                continue;
            }
            if (firstBlank != 0)
                throw new LabInputException("signal", $"Signal file '{name}', line {firstBlank}: empty line inside the data; write one number per line.");
            if (field.Length >= 2 && field[0] == '"' && field[^1] == '"') field = field[1..^1].Replace("\"\"", "\"").Trim();
            else if (field.Contains(',') || field.Contains(';') || field.Contains('\t'))
                throw new LabInputException("signal", $"Signal file '{name}', line {lineNumber}: '{Shorten(text)}' has more than one column; a signal file has one number per line.");
            if (TryParse(field, out double value))
            {
                if (values.Count == MaxSamples)
                    throw new LabInputException("signal", $"Signal file '{name}', line {lineNumber}: more than the limit of {MaxSamples} numbers.");
                values.Add(value);
            }
            else if (lineNumber == 1 && values.Count == 0 && IsHeader(field)) continue;
            else throw new LabInputException("signal", $"Signal file '{name}', line {lineNumber}: '{Shorten(field)}' is not a number.");
        }
        if (values.Count == 0) throw new LabInputException("signal", $"Signal file '{name}' holds no numbers; write one number per line.");
        return new Signal(name, values);
    }

    // TextReader.ReadLine with a bound: a line ends at \n, \r or \r\n as there, but at most MaxLineLength
    // characters are kept, and a longer line is reported as soon as it passes the limit, unread beyond it.
    // afterCr carries a line ended by \r to the next call, which skips the \n of a \r\n (no Peek: pipes).
    private static bool ReadLine(TextReader reader, System.Text.StringBuilder line, ref bool afterCr, out bool tooLong)
    {
        line.Clear();
        tooLong = false;
        int c = reader.Read();
        if (afterCr && c == '\n') c = reader.Read();
        afterCr = false;
        if (c < 0) return false;
        for (; c >= 0; c = reader.Read())
        {
            if (c == '\n') return true;
            if (c == '\r')
            {
                afterCr = true;
                return true;
            }
            if (line.Length == MaxLineLength)
            {
                tooLong = true;
                return true;
            }
            line.Append((char)c);
        }
        return true;
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

    private static bool IsHeader(string field) => field.Length > 0 && char.IsLetter(field[0]) && field.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or ' ' or '.');

    // A short prefix with control characters made visible: a message is one line that is safe on a terminal.
    private static string Shorten(string text) => Descent.Specs.OptimizerSpec.Quote(text);
}
