using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Descent.Lab;
using Microsoft.AspNetCore.Http;

namespace Descent.Web.Api;

/// <summary>
/// Turns exceptions into <see cref="ApiError"/>s. The words come from the Lab's <see cref="ErrorReports"/>, the same
/// report the CLI prints (<c>descent: --argument: message</c>), plus the formula's caret position when there is one;
/// the kind decides the status (<see cref="Status"/>). Messages are kept short and on one line: a request must not get
/// a megabyte of its own bad value back.
/// </summary>
public static partial class ApiErrors
{
    /// <summary>The most characters of a bad value an error repeats; a longer value is cut and marked with '…'.</summary>
    public const int MaxEcho = 40;

    /// <summary>The longest message: beyond it, quoted values are cut to <see cref="MaxEcho"/>, then the message itself.</summary>
    public const int MaxMessageLength = 400;

    private static readonly JsonSerializerOptions EchoOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The error for <paramref name="e"/> when it is about the input (answered 400, or its own status), or null for a real failure.</summary>
    public static ApiError? Describe(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            ApiRequestException r => r.Error,
            ApiInputException a => Make(ErrorReports.BadInput(a.Argument, a.Message, a), a.Index),
            _ when ErrorReports.Describe(e) is { Kind: ErrorKind.BadInput } report => Make(report, null),
            _ => null,
        };
    }

    /// <summary>
    /// The HTTP status for a failure of kind <paramref name="kind"/>: 400 for bad input, 500 for a fault, and for a
    /// cancellation 499 ("client closed request"), which no one receives: the client has left.
    /// </summary>
    public static int Status(ErrorKind kind) => kind switch
    {
        ErrorKind.BadInput => StatusCodes.Status400BadRequest,
        ErrorKind.Cancelled => ClientClosedRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The status of a request whose client left before the answer (nginx's 499).</summary>
    public const int ClientClosedRequest = 499;

    /// <summary>The API's form of <paramref name="report"/>: its argument, its message shortened (<see cref="Shorten"/>), the formula's caret.</summary>
    public static ApiError Make(ErrorReport report, int? index)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ApiError
        {
            Argument = report.Argument,
            Message = Shorten(report.Message),
            Index = index,
            Position = report.Position,
            Display = report.Display,
        };
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
