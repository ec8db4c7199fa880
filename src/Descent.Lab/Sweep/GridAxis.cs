namespace Descent.Lab.Sweep;

/// <summary>
/// One grid of a spec: the key it sets (<c>lr</c>), where it stands in the spec as typed, and the values it
/// takes, as the text each concrete spec carries (numbers printed so they read back to the same double).
/// </summary>
public sealed record GridAxis
{
    /// <summary>The key the grid is the value of (<c>lr</c>, <c>beta1</c>, a typed rule's <c>k</c>, a schedule's <c>t_max</c>).</summary>
    public required string Key { get; init; }

    /// <summary>The index of the grid's <c>[</c> in the spec as typed.</summary>
    public required int Start { get; init; }

    /// <summary>The length of the grid's text, brackets included.</summary>
    public required int Length { get; init; }

    /// <summary>Whether the grid was log-spaced (<c>[a..b:nlog]</c>): a figure draws its axis in log scale.</summary>
    public bool Log { get; init; }

    /// <summary>The values, in order.</summary>
    public IReadOnlyList<string> Values { get; init => field = [.. value]; } = [];
}
