namespace Descent.Specs;

/// <summary>
/// Bad optimizer text or values. The message is one line that names the problem and lists the valid
/// choices, fit to show a user as it is (the CLI prints it and exits with code 2; the page shows it).
/// </summary>
public sealed class SpecException(string message) : Exception(message);
