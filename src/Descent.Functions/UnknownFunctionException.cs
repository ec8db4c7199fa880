namespace Descent.Functions;

/// <summary>A function name that is not in <see cref="FunctionCatalog"/>; the message lists the valid names.</summary>
public sealed class UnknownFunctionException : FunctionException
{
    /// <summary>An error for <paramref name="name"/>, suggesting the nearest valid name if one is close.</summary>
    public UnknownFunctionException(string name, IReadOnlyList<string> validNames, string? suggestion)
        : base($"Unknown function '{name}'.{(suggestion is null ? "" : $" Did you mean '{suggestion}'?")} " +
               $"Built-in functions: {string.Join(", ", validNames)}; or type a formula in x and y, e.g. \"x^2 + 3*y^2\".")
    {
        Name = name;
        ValidNames = validNames;
        Suggestion = suggestion;
    }

    /// <summary>The name as given.</summary>
    public string Name { get; }

    /// <summary>The catalog's names, aliases included.</summary>
    public IReadOnlyList<string> ValidNames { get; }

    /// <summary>The closest valid name, if one is within a small edit distance.</summary>
    public string? Suggestion { get; }
}
