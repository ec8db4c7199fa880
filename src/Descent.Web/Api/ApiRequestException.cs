namespace Descent.Web.Api;

/// <summary>
/// A request refused before any work: a body that is not a JSON object of the request's schema (400), too large (413),
/// not JSON (415) or from another web page (403). <see cref="Error"/> is the answer's body, its message one line.
/// </summary>
public sealed class ApiRequestException(int status, ApiError error, Exception? inner = null) : Exception(error?.Message, inner)
{
    /// <summary>The HTTP status of the answer.</summary>
    public int Status { get; } = status;

    /// <summary>What the answer says.</summary>
    public ApiError Error { get; } = error ?? throw new ArgumentNullException(nameof(error));
}
