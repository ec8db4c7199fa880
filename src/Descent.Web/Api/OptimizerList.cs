namespace Descent.Web.Api;

/// <summary>The answer of <c>GET /api/optimizers</c>.</summary>
/// <param name="Conventions">The convention names (<c>pytorch</c>, <c>lasagne</c>, <c>lecture</c>).</param>
/// <param name="Optimizers">Every rule of the catalog.</param>
public sealed record OptimizerList(IReadOnlyList<string> Conventions, IReadOnlyList<OptimizerInfo> Optimizers);

/// <summary>One rule of the optimizer catalog.</summary>
/// <param name="Name">Its spec name (<c>adam</c>).</param>
/// <param name="Summary">One line about it.</param>
/// <param name="DefinedIn">The conventions with a formula of their own.</param>
/// <param name="Conventions">Per convention name: the formula that runs and the keys with their defaults.</param>
public sealed record OptimizerInfo(string Name, string Summary, IReadOnlyList<string> DefinedIn, IReadOnlyDictionary<string, OptimizerConvention> Conventions);

/// <summary>A rule under one convention.</summary>
/// <param name="Effective">The convention whose formula runs (PyTorch's for a rule the asked one does not define).</param>
/// <param name="Keys">The spec keys valid there, with their defaults.</param>
public sealed record OptimizerConvention(string Effective, IReadOnlyList<OptimizerKey> Keys);

/// <summary>One spec key.</summary>
/// <param name="Name">As written in specs (<c>lr</c>).</param>
/// <param name="Kind"><c>number</c>, <c>integer</c>, <c>true|false</c> or the words allowed (<c>squares|abs</c>).</param>
/// <param name="Default">The default, printed as a spec would hold it.</param>
public sealed record OptimizerKey(string Name, string Kind, string Default);
