namespace Descent.Web.Api;

/// <summary>The answer of <c>GET /api/optimizers</c>: the registry of rules and schedules, as the page builds its cards from it.</summary>
/// <param name="Conventions">The convention names (<c>pytorch</c>, <c>lasagne</c>, <c>lecture</c>, <c>keras</c>).</param>
/// <param name="Optimizers">Every registered rule, in the registry's order.</param>
/// <param name="SharedKeys">The keys every rule has in every convention (<c>lr</c>, <c>weight_decay</c>, <c>schedule</c>, clipping…); each rule's list has them too.</param>
/// <param name="Schedules">Every learning-rate schedule, with its keys.</param>
public sealed record OptimizerList(IReadOnlyList<string> Conventions, IReadOnlyList<OptimizerInfo> Optimizers, IReadOnlyList<string> SharedKeys,
    IReadOnlyList<ScheduleInfo> Schedules);
