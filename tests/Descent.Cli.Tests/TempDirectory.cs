namespace Descent.Cli.Tests;

/// <summary>A fresh folder deleted after the test.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>The folder's full path.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory("descent-cli-").FullName;

    /// <inheritdoc/>
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
