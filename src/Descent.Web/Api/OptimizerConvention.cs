namespace Descent.Web.Api;

/// <summary>A rule under one convention.</summary>
/// <param name="Effective">The convention whose formula runs (PyTorch's for a rule the asked one does not define).</param>
/// <param name="Keys">The spec keys valid there, with their defaults.</param>
public sealed record OptimizerConvention(string Effective, IReadOnlyList<OptimizerKey> Keys);
