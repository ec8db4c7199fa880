namespace Descent.Lab.Render.Files;

/// <summary>
/// An output file could not be written: the disk is full, the folder is read-only, the name is not allowed.
/// A fault of the machine, not of the input; <see cref="Path"/> names the file and the message the cause.
/// </summary>
public sealed class OutputFileException(string path, string cause, Exception? inner = null) : IOException(cause, inner)
{
    /// <summary>The file that could not be written (its full path), or a name such as <c>standard output</c>.</summary>
    public string Path { get; } = path;
}
