namespace Descent.Web.Api;

/// <summary>One learning-rate schedule of the registry, the value of an optimizer's <c>schedule</c> key.</summary>
/// <param name="Name">Its name in specs (<c>cosine</c>).</param>
/// <param name="Summary">One line about it, with the <c>torch.optim.lr_scheduler</c> class it follows.</param>
/// <param name="Keys">Its keys with their defaults (every schedule also takes <c>per=step|epoch</c>; only <c>descent train</c> has epochs).</param>
public sealed record ScheduleInfo(string Name, string Summary, IReadOnlyList<OptimizerKey> Keys);
