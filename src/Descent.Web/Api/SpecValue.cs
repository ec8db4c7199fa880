namespace Descent.Web.Api;

/// <summary>One key of a read spec: what it accepts, its default under the convention, and the value the spec gives it.</summary>
/// <param name="Name">As written in specs (<c>lr</c>).</param>
/// <param name="Kind">What it accepts, as in <c>GET /api/optimizers</c>.</param>
/// <param name="Default">The convention's default, printed.</param>
/// <param name="Value">The value the spec runs with, printed canonically (<c>1.0</c> is <c>1</c>; a schedule with every key).</param>
/// <param name="Changed">True when <see cref="Value"/> is not the default: the key appears in the canonical spec.</param>
public sealed record SpecValue(string Name, string Kind, string Default, string Value, bool Changed);
