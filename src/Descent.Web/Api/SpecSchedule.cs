namespace Descent.Web.Api;

/// <summary>The schedule of a read spec.</summary>
/// <param name="Name">The schedule's name (<c>cosine</c>).</param>
/// <param name="Spec">The schedule with every key (<c>cosine(t_max=125, eta_min=0)</c>).</param>
/// <param name="NeedsLoss">True when it reads the loss (<c>plateau</c>, alone or inside <c>sequential</c>): its preview needs losses.</param>
/// <param name="MaxSteps">The most steps it can run (<c>onecycle</c>'s <c>total_steps</c>); null when it has no end.</param>
public sealed record SpecSchedule(string Name, string Spec, bool NeedsLoss, long? MaxSteps);
