namespace Descent.Web.Api;

/// <summary>
/// What an error answer (400, 403, 413, 415, 500) says inside <c>{"error": {...}}</c>: the field at fault, the CLI's
/// one-line message for the same input and, for a formula, where the bad character is.
/// </summary>
public sealed record ApiError
{
    /// <summary>The request field (<c>function</c>, <c>optimizer</c>, <c>steps</c>, <c>convention</c>…); null for the whole request.</summary>
    public string? Argument { get; init; }

    /// <summary>
    /// For a body that does not fit the request's schema, the JSON path of the fault (<c>start.y</c>,
    /// <c>optimizers[2]</c>, an unknown <c>optimiser</c>), which the message also starts with; otherwise null.
    /// </summary>
    public string? Field { get; init; }

    /// <summary>The message, word for word what the CLI prints after <c>descent: --argument: </c>.</summary>
    public required string Message { get; init; }

    /// <summary>For <c>optimizer</c>, the 0-based index of the bad spec; otherwise null.</summary>
    public int? Index { get; init; }

    /// <summary>For a formula that does not parse, the 0-based index of the offending character; otherwise null.</summary>
    public int? Position { get; init; }

    /// <summary>For a formula that does not parse, three lines: the formula, a caret under the bad character, the reason.</summary>
    public string? Display { get; init; }
}
