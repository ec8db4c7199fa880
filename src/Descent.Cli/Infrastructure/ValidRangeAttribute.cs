namespace Descent.Cli.Infrastructure;

/// <summary>
/// The whole numbers an integer option accepts, checked before the command runs so that a bad value
/// (<c>--steps 1e12</c>, <c>--steps 0</c>) is answered with the option's name and this range.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidRangeAttribute(long min, long max) : Attribute
{
    /// <summary>The smallest value.</summary>
    public long Min { get; } = min;

    /// <summary>The largest value.</summary>
    public long Max { get; } = max;

    /// <summary>How the range reads when the bound depends on other input, e.g. "1 to the signal's length"; null prints <c>Min..Max</c>.</summary>
    public string? Text { get; init; }
}
