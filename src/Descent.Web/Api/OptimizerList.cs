namespace Descent.Web.Api;

/// <summary>The answer of <c>GET /api/optimizers</c>.</summary>
/// <param name="Conventions">The convention names (<c>pytorch</c>, <c>lasagne</c>, <c>lecture</c>).</param>
/// <param name="Optimizers">Every rule of the catalog.</param>
public sealed record OptimizerList(IReadOnlyList<string> Conventions, IReadOnlyList<OptimizerInfo> Optimizers);
