namespace Descent.Lab.Response;

/// <summary>
/// Reading a signal at a fractional index, and the text names of <see cref="Interpolation"/>.
/// </summary>
/// <remarks>
/// Both modes treat the signal as a gradient field over position with sample <c>k</c> at index <c>k</c>
/// (n samples) and read 0 past the end (index ≥ n), as the lecture does.
/// <para><see cref="Interpolation.Linear"/>: inside <c>[0, n−1]</c> the straight line between the two
/// neighbours. Beyond the samples it holds the end sample for less than one index — <c>[n−1, n)</c> reads
/// <c>X[n−1]</c> (the lecture's rule) and, mirrored, <c>(−1, 0)</c> reads <c>X[0]</c> (the lecture's too) —
/// and reads 0 from −1 down, as past the end: there is no signal there. A NaN index reads NaN.</para>
/// <para><see cref="Interpolation.Lecture"/>: the script's <c>linear_interpolation</c> behind its
/// <c>if idx &lt; len(X) else 0</c> guard, branch for branch: <c>X[floor]</c> when the index is whole or
/// <c>ceil ≥ n</c>; <c>X[ceil]</c> when <c>floor &lt; 0</c>; else <c>X[floor] + (idx − floor)·X[ceil]</c>.
/// Where the script indexes below 0, Python counts from the end (<c>X[−1]</c> is the last sample) and so
/// does this mode; where Python would raise (index &lt; −n) it reads 0. A NaN index fails the guard and
/// reads 0, as in the script.</para>
/// </remarks>
public static class Interpolations
{
    /// <summary>The names used on the command line and in result files, in enum order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["linear", "lecture"];

    /// <summary>The name of <paramref name="interpolation"/> (<c>linear</c>, <c>lecture</c>).</summary>
    public static string Name(Interpolation interpolation) => interpolation switch
    {
        Interpolation.Linear => "linear",
        Interpolation.Lecture => "lecture",
        _ => throw new ArgumentOutOfRangeException(nameof(interpolation), interpolation, null),
    };

    /// <summary>Parses a name; a <see cref="LabInputException"/> lists the valid ones.</summary>
    public static Interpolation Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "linear" => Interpolation.Linear,
        "lecture" => Interpolation.Lecture,
        _ => throw new LabInputException("interpolation", $"Unknown interpolation '{text}'; valid: {string.Join(", ", Names)}."),
    };

    /// <summary>The signal <paramref name="x"/> read at the fractional <paramref name="index"/> (see the remarks).</summary>
    public static double Sample(IReadOnlyList<double> x, double index, Interpolation interpolation) => interpolation switch
    {
        Interpolation.Linear => Linear(x, index),
        Interpolation.Lecture => Lecture(x, index),
        _ => throw new ArgumentOutOfRangeException(nameof(interpolation), interpolation, null),
    };

    private static double Linear(IReadOnlyList<double> x, double index)
    {
        int n = x.Count;
        if (double.IsNaN(index)) return double.NaN;
        if (index >= n || index <= -1) return 0;
        if (index < 0) return x[0];
        double f = Math.Floor(index);
        int k = (int)f;
        if (f == index || k == n - 1) return x[k];
        return x[k] + (index - f) * (x[k + 1] - x[k]);
    }

    private static double Lecture(IReadOnlyList<double> x, double index)
    {
        int n = x.Count;
        if (!(index < n)) return 0;
        if (index <= -n - 1) return 0;
        double f = Math.Floor(index), c = Math.Ceiling(index);
        if (f == c || c >= n) return PythonAt(x, f);
        if (f < 0) return PythonAt(x, c);
        return x[(int)f] + (index - f) * x[(int)c];
    }

    // Python's X[k] for a whole k in [−n, n): negative k counts from the end.
    private static double PythonAt(IReadOnlyList<double> x, double k)
    {
        int i = (int)k;
        if (i < -x.Count) return 0;
        return i < 0 ? x[i + x.Count] : x[i];
    }
}
