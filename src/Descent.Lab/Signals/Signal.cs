namespace Descent.Lab.Signals;

/// <summary>
/// A 1-D gradient signal: the value fed as the gradient at each step of a response run, and the
/// gradient field over position that look-ahead rules read between samples.
/// </summary>
public sealed record Signal
{
    /// <summary>A signal named <paramref name="name"/> with a copy of <paramref name="values"/>.</summary>
    public Signal(string name, IEnumerable<double> values)
    {
        Name = name;
        Values = [.. values];
    }

    /// <summary>The built-in name (<c>rectangles</c>) or the file path as given.</summary>
    public string Name { get; init; }

    /// <summary>One value per step; may hold NaN or infinities, which a run propagates.</summary>
    public IReadOnlyList<double> Values { get; init => field = [.. value]; }

    /// <summary>Number of samples.</summary>
    public int Length => Values.Count;
}
