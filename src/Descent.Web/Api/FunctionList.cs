namespace Descent.Web.Api;

/// <summary>The answer of <c>GET /api/functions</c>.</summary>
/// <param name="Functions">The lecture's landscapes, then the classics, in catalog order.</param>
public sealed record FunctionList(IReadOnlyList<FunctionInfo> Functions);
