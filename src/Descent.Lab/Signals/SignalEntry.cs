namespace Descent.Lab.Signals;

/// <summary>A built-in signal: its name on the command line, what it shows, and how it is made.</summary>
/// <param name="Name">The name used by the CLI, specs of recipes and result files (<c>noisy-sin</c>).</param>
/// <param name="Description">One line for <c>descent list signals</c>.</param>
/// <param name="Generate">Makes a fresh copy of the values.</param>
public sealed record SignalEntry(string Name, string Description, Func<double[]> Generate)
{
    /// <summary>The signal, freshly generated.</summary>
    public Signal Create() => new(Name, Generate());
}
