namespace Descent.Web.Api;

/// <summary>One rule of the optimizer catalog.</summary>
/// <param name="Name">Its spec name (<c>adam</c>).</param>
/// <param name="Summary">One line about it.</param>
/// <param name="DefinedIn">The conventions with a formula of their own.</param>
/// <param name="Conventions">Per convention name: the formula that runs and the keys with their defaults; a convention without a formula for the rule (keras lacks some) is absent.</param>
public sealed record OptimizerInfo(string Name, string Summary, IReadOnlyList<string> DefinedIn, IReadOnlyDictionary<string, OptimizerConvention> Conventions);
