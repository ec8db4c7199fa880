namespace Descent.Web.Api;

/// <summary>One spec key of a rule or a schedule.</summary>
/// <param name="Name">As written in specs (<c>lr</c>).</param>
/// <param name="Kind"><c>number</c>, <c>integer</c>, <c>true|false</c>, the words allowed (<c>squares|abs</c>), <c>number or none</c>, <c>schedule spec</c> or <c>[integer, ...]</c>.</param>
/// <param name="Default">The default, printed as a spec would hold it.</param>
public sealed record OptimizerKey(string Name, string Kind, string Default);
