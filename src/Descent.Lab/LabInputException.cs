namespace Descent.Lab;

/// <summary>
/// Bad input to an experiment: an unknown signal, a malformed signal file, steps out of range, an
/// unreadable results file. <see cref="Exception.Message"/> is one line fit to show a user as it is;
/// <see cref="Argument"/> names the input it is about (<c>signal</c>, <c>steps</c>…), so the CLI can
/// prefix the option (<c>--signal: …</c>) and the page can mark the field.
/// </summary>
public sealed class LabInputException : Exception
{
    /// <summary>A problem with the input named <paramref name="argument"/> (null when it is about no single input).</summary>
    public LabInputException(string? argument, string message, Exception? inner = null) : base(message, inner) => Argument = argument;

    /// <summary>The config field the problem is about, as the CLI option is named without dashes (<c>signal</c>, <c>optimizer</c>, <c>steps</c>); null when none.</summary>
    public string? Argument { get; }
}
