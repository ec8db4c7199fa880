namespace Descent.Cli.Infrastructure;

/// <summary>Bad input on the command line: <see cref="Argument"/> names the option, the message what is wrong and what is valid.</summary>
public sealed class UsageException(string argument, string message) : Exception(message)
{
    /// <summary>The option or argument at fault, e.g. <c>--steps</c>.</summary>
    public string Argument { get; } = argument;
}
