namespace Descent.Lab.Render.Files;

/// <summary>
/// Writes files so that a reader never sees half of one: the content goes to a temporary name in the
/// same folder, which is renamed over the target only once it is complete. A failure leaves nothing behind.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                write(stream);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes text (UTF-8, no byte-order mark) to <paramref name="path"/>.</summary>
    public static void WriteText(string path, Action<TextWriter> write) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
        write(writer);
    });

    /// <summary>
    /// Checks that <paramref name="dir"/> can be created and written, so a command fails before it
    /// computes anything; returns the full path.
    /// </summary>
    public static string EnsureWritableDirectory(string dir)
    {
        string full = Path.GetFullPath(dir);
        Directory.CreateDirectory(full);
        string probe = Path.Combine(full, $".descent-probe-{Guid.NewGuid():N}");
        File.WriteAllBytes(probe, []);
        File.Delete(probe);
        return full;
    }
}
