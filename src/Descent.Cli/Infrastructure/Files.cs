using Descent.Lab.Render.Charts;
using Descent.Lab.Render.Files;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// Checks output paths before any work is done, so bad ones fail fast and leave nothing behind; and sweeps
/// the temporaries an interrupted or killed earlier run left there (<see cref="AtomicFile.SweepStale"/>).
/// </summary>
public static class Files
{
    /// <summary>Creates <paramref name="dir"/> if needed and checks it can be written.</summary>
    public static string OutputDirectory(string dir)
    {
        try
        {
            string full = AtomicFile.EnsureWritableDirectory(dir);
            // A gallery writes one level of subfolders (and its cache); a killed run's temporaries can be there too.
            AtomicFile.SweepStale(full, depth: 1);
            return full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException("--out", $"cannot write to '{Terminal.Shorten(dir, 200)}': {e.Message}");
        }
    }

    /// <summary>Checks that <paramref name="path"/> ends in <paramref name="extension"/> and its folder can be written.</summary>
    public static void CheckExtension(string option, string path, string extension)
    {
        if (!string.Equals(Path.GetExtension(path), extension, StringComparison.OrdinalIgnoreCase))
            throw new UsageException(option, $"'{Terminal.Shorten(path, 200)}' must end in {extension}.");
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            AtomicFile.SweepStale(AtomicFile.EnsureWritableDirectory(folder), depth: 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(option, $"cannot write to '{Terminal.Shorten(path, 200)}': {e.Message}");
        }
    }

    /// <summary>Checks a figure path: a known extension in a writable folder.</summary>
    public static void CheckFigurePath(string option, string path)
    {
        try
        {
            Figure.FormatOf(path);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(option, e.Message);
        }
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            AtomicFile.SweepStale(AtomicFile.EnsureWritableDirectory(folder), depth: 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(option, $"cannot write to '{Terminal.Shorten(path, 200)}': {e.Message}");
        }
    }
}
