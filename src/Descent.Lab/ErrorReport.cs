namespace Descent.Lab;

/// <summary>
/// One failure as every front end shows it (<see cref="ErrorReports.Describe"/>): its kind, the input it is about and a
/// one-line message. The CLI prints <c>descent: --argument: message</c>; the API answers <c>{"error": {"argument", "message"}}</c>.
/// </summary>
public sealed record ErrorReport
{
    /// <summary>Bad input, a fault or a cancellation.</summary>
    public required ErrorKind Kind { get; init; }

    /// <summary>The input at fault as the CLI's option without dashes (<c>function</c>, <c>optimizer</c>, <c>steps</c>); null for none.</summary>
    public string? Argument { get; init; }

    /// <summary>The message on one line, control characters escaped (<c>\n</c>, <c>\u001b</c>): input cannot move the cursor or hide text.</summary>
    public required string Message { get; init; }

    /// <summary>For a formula that does not parse, the 0-based index of the offending character; otherwise null.</summary>
    public int? Position { get; init; }

    /// <summary>For a formula that does not parse, three lines: the formula, a caret under the bad character, the reason.</summary>
    public string? Display { get; init; }
}
