namespace Descent.Lab.Sweep;

/// <summary>One cell of a gridded spec: the concrete spec (runnable as it is) and the value each grid took.</summary>
public sealed record GridCell
{
    /// <summary>The spec with every grid replaced by one of its values: what <c>descent trajectory</c> or <c>train</c> runs.</summary>
    public required string Spec { get; init; }

    /// <summary>The value of each grid (<see cref="GriddedSpec.Axes"/>), in the same order.</summary>
    public IReadOnlyList<string> Values { get; init => field = [.. value]; } = [];
}
