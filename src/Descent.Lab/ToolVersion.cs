using System.Reflection;

namespace Descent.Lab;

/// <summary>The version of Descent that computed a result; every result records it.</summary>
public static class ToolVersion
{
    /// <summary>The informational version of this assembly (<c>0.1.0</c>, with the commit when the build knows it).</summary>
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
