namespace Descent.Web.Api;

/// <summary>
/// Bad input that only the API refuses (a limit of <see cref="ApiLimits"/>, a file path where the page takes
/// names), or bad input found by the API for one item of a list (<see cref="Index"/>: which optimizer).
/// The message is one line fit to show next to the field.
/// </summary>
public sealed class ApiInputException(string? argument, string message, int? index = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The request field at fault (<c>optimizer</c>, <c>steps</c>…), as the CLI's option without dashes; null for the whole request.</summary>
    public string? Argument { get; } = argument;

    /// <summary>For a list field, the 0-based index of the bad item; otherwise null.</summary>
    public int? Index { get; } = index;
}
