namespace Descent.Lab.Signals;

/// <summary>
/// Every built-in signal by name, and the one place that turns a <c>--signal</c> value (a name or a
/// one-column CSV file) into a <see cref="Signal"/>.
/// </summary>
public static class SignalCatalog
{
    /// <summary>The lecture's six signals, in the lecture's order.</summary>
    public static IReadOnlyList<SignalEntry> Entries { get; } =
    [
        new("spikes", "a spike of 1 every 60 steps, 0 between: how long does a rule remember a kick?", LectureSignals.Spikes),
        new("rectangles", "+1 for 20 steps, -1 for 20 steps: reaction to a sign flip", LectureSignals.Rectangles),
        new("noisy-sin", "sin(x/20) plus uniform noise in [-0.5, 0.5) (NumPy MT19937, seed 413)", LectureSignals.NoisySin),
        new("very-noisy-sin", "sin(x/20)/5 under the same amount of noise: is the trend still followed?", LectureSignals.VeryNoisySin),
        new("uneven-sawtooth", "ramps of period 20, steep up to step 80 and four times flatter after: reaction to scale", LectureSignals.UnevenSawtooth),
        new("saturation", "1 for 40 steps, 0 for 40 steps: a constant gradient, then none", LectureSignals.Saturation),
    ];

    /// <summary>The names of the built-in signals.</summary>
    public static IEnumerable<string> Names => Entries.Select(e => e.Name);

    /// <summary>
    /// The built-in entry named <paramref name="name"/> (case, spaces and underscores are forgiven:
    /// the lecture's <c>noisy sin</c> is <c>noisy-sin</c>), or null.
    /// </summary>
    public static SignalEntry? TryFind(string name)
    {
        string key = name.Trim().ToLowerInvariant().Replace(' ', '-').Replace('_', '-');
        return Entries.FirstOrDefault(e => e.Name == key);
    }

    /// <summary>The built-in signal named <paramref name="name"/>; a <see cref="LabInputException"/> lists the valid names.</summary>
    public static Signal Get(string name) =>
        (TryFind(name) ?? throw new LabInputException("signal", $"Unknown signal '{name}'; valid: {string.Join(", ", Names)}, or a one-column .csv file.")).Create();

    /// <summary>True when <paramref name="text"/> looks like a file rather than a name: it ends in <c>.csv</c> or holds a directory separator.</summary>
    public static bool IsFile(string text) =>
        text.Trim().EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || text.Contains('/') || text.Contains(Path.DirectorySeparatorChar);

    /// <summary>
    /// The signal a <c>--signal</c> value means: text that looks like a file (<see cref="IsFile"/>) is read
    /// with <see cref="SignalFile.Read(string)"/>; otherwise a built-in name, else an existing file of that
    /// name; else a <see cref="LabInputException"/> listing the valid names.
    /// </summary>
    public static Signal Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim().Length == 0) throw new LabInputException("signal", $"No signal given; valid: {string.Join(", ", Names)}, or a one-column .csv file.");
        if (IsFile(text)) return SignalFile.Read(text);
        if (TryFind(text) is { } entry) return entry.Create();
        return File.Exists(text.Trim()) ? SignalFile.Read(text) : Get(text);
    }
}
