namespace Descent.Web.Api;

/// <summary>One built-in signal.</summary>
/// <param name="Name">Its name (<c>rectangles</c>).</param>
/// <param name="Description">What it shows.</param>
/// <param name="Values">Its samples.</param>
public sealed record SignalInfo(string Name, string Description, IReadOnlyList<double> Values);
