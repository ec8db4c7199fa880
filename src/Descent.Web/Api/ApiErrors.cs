using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Descent.Functions;
using Descent.Lab;
using Descent.Specs;

namespace Descent.Web.Api;

/// <summary>
/// Turns bad-input exceptions into <see cref="ApiError"/>s with the same message text the CLI prints for
/// them (<c>CliRunner.Describe</c>), plus the formula's caret position when there is one. Messages are kept short
/// and on one line: a request must not get a megabyte of its own bad value back.
/// </summary>
public static partial class ApiErrors
{
    /// <summary>The most characters of a bad value an error repeats; a longer value is cut and marked with '…'.</summary>
    public const int MaxEcho = 40;

    /// <summary>The longest message: beyond it, quoted values are cut to <see cref="MaxEcho"/>, then the message itself.</summary>
    public const int MaxMessageLength = 400;

    private static readonly JsonSerializerOptions EchoOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The error for <paramref name="e"/>, or null when it is not about the input (a real failure).</summary>
    public static ApiError? Describe(Exception e) => e switch
    {
        ApiRequestException r => r.Error,
        ApiInputException a => Make(a.Argument, a.Message, a.Index, a),
        LabInputException l => Make(l.Argument, l.Message, null, l),
        SpecException s => Make("optimizer", s.Message, null, s),
        Descent.Rules.RuleException r => new ApiError
        {
            Argument = "optimizer",
            Message = Shorten($"{r.Reason} (column {r.Position + 1} of the rule)"),
            Position = r.Position,
            Display = r.Display,
        },
        FunctionException f => Make("function", f.Message, null, f),
        _ => null,
    };

    private static ApiError Make(string? argument, string message, int? index, Exception e)
    {
        var formula = FindFormulaError(e);
        return new ApiError
        {
            Argument = argument,
            // The CLI's first line for a formula: the reason and the column, counted from 1; the caret display follows.
            Message = Shorten(formula is null ? message : $"{formula.Reason} (column {formula.Position + 1})"),
            Index = index,
            Position = formula?.Position,
            Display = formula?.Display,
        };
    }

    private static FormulaException? FindFormulaError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is FormulaException f) return f;
        return null;
    }

    /// <summary>
    /// <paramref name="value"/> as a JSON string literal (control characters escaped, so it stays on one line), cut to
    /// its first <see cref="MaxEcho"/> characters and '…' when longer.
    /// </summary>
    public static string Echo(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string prefix = Prefix(value, MaxEcho);
        string literal = JsonSerializer.Serialize(prefix, EchoOptions);
        return prefix.Length < value.Length ? literal[..^1] + "…\"" : literal;
    }

    /// <summary>
    /// <paramref name="message"/> on one line, control characters written as <c>\uXXXX</c>, and at most about
    /// <see cref="MaxMessageLength"/> characters: a longer one has its quoted values cut to <see cref="MaxEcho"/>
    /// characters, then is cut itself. A message of ordinary length is left word for word (it is the CLI's).
    /// </summary>
    public static string Shorten(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        string text = Descent.Specs.OptimizerSpec.Escape(OneLine(message));
        if (text.Length > MaxMessageLength)
            text = Quoted().Replace(text, m => m.Value.Length - 2 <= MaxEcho ? m.Value
                : m.Value[0] + Prefix(m.Value[1..^1], MaxEcho) + "…" + m.Value[^1]);
        if (text.Length > MaxMessageLength) text = Prefix(text, MaxMessageLength) + "…";
        return text;
    }

    /// <summary>At most the first <paramref name="length"/> characters of <paramref name="text"/>, not splitting a surrogate pair.</summary>
    public static string Prefix(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= length) return text;
        int cut = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..cut];
    }

    [GeneratedRegex("'[^']*'|\"[^\"]*\"")]
    private static partial Regex Quoted();

    /// <summary>Joins a message onto one line, as the CLI does.</summary>
    public static string OneLine(string message) =>
        string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
