namespace Descent.Web.Api;

/// <summary>The answer of <c>GET /api/signals</c>.</summary>
/// <param name="Signals">The lecture's six signals, in its order.</param>
/// <param name="Interpolations">The interpolation names (<c>linear</c>, <c>lecture</c>).</param>
public sealed record SignalList(IReadOnlyList<SignalInfo> Signals, IReadOnlyList<string> Interpolations);
