namespace Descent.Web.Api;

/// <summary>The JSON body of every error answer: <c>{"error": {...}}</c>.</summary>
/// <param name="Error">What was wrong.</param>
public sealed record ApiErrorBody(ApiError Error);
