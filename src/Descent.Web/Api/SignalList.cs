namespace Descent.Web.Api;

/// <summary>The answer of <c>GET /api/signals</c>.</summary>
/// <param name="Signals">The lecture's six signals, in its order.</param>
/// <param name="Interpolations">The interpolation names (<c>linear</c>, <c>lecture</c>).</param>
public sealed record SignalList(IReadOnlyList<SignalInfo> Signals, IReadOnlyList<string> Interpolations);

/// <summary>One built-in signal.</summary>
/// <param name="Name">Its name (<c>rectangles</c>).</param>
/// <param name="Description">What it shows.</param>
/// <param name="Values">Its samples.</param>
public sealed record SignalInfo(string Name, string Description, IReadOnlyList<double> Values);
