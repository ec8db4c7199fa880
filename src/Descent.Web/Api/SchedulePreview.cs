namespace Descent.Web.Api;

/// <summary>The answer of <c>POST /api/schedule</c>: the learning rate (and the momentum a schedule cycles) of every optimizer step.</summary>
public sealed record SchedulePreview
{
    /// <summary>The optimizer spec, as given.</summary>
    public required string Optimizer { get; init; }

    /// <summary>The schedule with every key, or null when the spec has none (then every step runs at <c>lr</c>).</summary>
    public string? Schedule { get; init; }

    /// <summary>How many steps were computed.</summary>
    public required int Steps { get; init; }

    /// <summary><c>lr[t-1]</c> is the learning rate optimizer step t uses, as <c>param_group['lr']</c> in a PyTorch loop.</summary>
    public required IReadOnlyList<double> Lr { get; init; }

    /// <summary>The momentum (or beta1) step t uses, when the schedule cycles it (<c>onecycle</c>, <c>cyclic</c>); otherwise null.</summary>
    public IReadOnlyList<double>? Momentum { get; init; }

    /// <summary><c>momentum</c> or <c>beta1</c>: what <see cref="Momentum"/> sets; null with it.</summary>
    public string? MomentumKey { get; init; }

    /// <summary>A remark on what the numbers leave out (a <c>plateau</c> previewed without losses); null when none.</summary>
    public string? Note { get; init; }
}
