using Descent.Functions;

namespace Descent.Web.Api;

/// <summary>One built-in function.</summary>
/// <param name="Name">Its name (<c>hills-and-canyon</c>).</param>
/// <param name="Aliases">Other accepted names.</param>
/// <param name="Kind"><c>lecture</c> or <c>classic</c>.</param>
/// <param name="Formula">The formula it is compiled from.</param>
/// <param name="Description">What it shows.</param>
/// <param name="Domain">The rectangle to draw.</param>
/// <param name="Start">The default start.</param>
/// <param name="Minima">Known minima, global first.</param>
public sealed record FunctionInfo(string Name, IReadOnlyList<string> Aliases, string Kind, string Formula, string Description,
    Domain Domain, Point2 Start, IReadOnlyList<KnownMinimum> Minima);
