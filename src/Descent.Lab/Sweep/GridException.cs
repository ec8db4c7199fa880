using Descent.Specs;

namespace Descent.Lab.Sweep;

/// <summary>
/// A grid inside an optimizer spec that cannot be expanded (<c>[1e-4..1:0log]</c>, <c>[0..1:5log]</c>, too many cells):
/// the reason, where in the spec, and the spec with a caret under the fault (<see cref="CaretDisplay"/>).
/// </summary>
public sealed class GridException : Exception
{
    /// <summary>A problem <paramref name="reason"/> at <paramref name="position"/> of <paramref name="spec"/>.</summary>
    public GridException(string spec, int position, string reason)
        : base($"{reason} (column {position + 1} of '{OptimizerSpec.Quote(spec)}')")
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        Position = position;
        Reason = reason;
        Display = CaretDisplay.Show(spec, position, reason);
    }

    /// <summary>The spec as typed, grids included.</summary>
    public string Spec { get; }

    /// <summary>The 0-based index of the offending character in <see cref="Spec"/>.</summary>
    public int Position { get; }

    /// <summary>What is wrong and what is valid, without the position.</summary>
    public string Reason { get; }

    /// <summary>Three lines: the spec, a caret under the fault, the reason.</summary>
    public string Display { get; }
}
