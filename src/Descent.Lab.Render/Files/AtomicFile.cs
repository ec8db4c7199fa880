using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Descent.Lab.Render.Files;

/// <summary>
/// Writes files so that a reader never sees half of one: the content goes to a temporary name in the
/// same folder, which is renamed over the target only once it is complete. A failure leaves nothing
/// behind and is an <see cref="OutputFileException"/> naming the target and the cause. Inside an
/// <see cref="OutputTransaction"/> the target joins the command's set of outputs, removed again if the
/// command fails.
/// </summary>
/// <remarks>
/// Temporaries are named <c>.descent-NAME.PID.GUID.tmp</c> (<see cref="IsTemporaryName"/>), so a later run can
/// recognise the ones a killed process left (<see cref="SweepStale"/>).
/// </remarks>
public static partial class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>.</summary>
    /// <exception cref="OutputFileException">The file could not be written (disk full, no permission); nothing is left behind.</exception>
    /// <exception cref="OperationCanceledException">The command's <see cref="OutputTransaction"/> was aborted.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        var transaction = OutputTransaction.Current;
        string temp = TemporaryName(full);
        try
        {
            CreateDirectory(Path.GetDirectoryName(full)!);
            using (var stream = transaction is null ? OpenTemporary(temp) : transaction.OpenTemporary(temp, OpenTemporary))
                write(stream);
            if (transaction is null) File.Move(temp, full, overwrite: true);
            else transaction.Commit(temp, full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not OutputFileException)
        {
            throw new OutputFileException(full, Cause(e, temp, full), e);
        }
        finally
        {
            transaction?.Forget(temp);
            TryDelete(temp);
        }
    }

    /// <summary>
    /// Writes <paramref name="path"/> atomically but outside the command's <see cref="OutputTransaction"/>: the file stays
    /// when the command later fails or is interrupted. For caches of finished work (a sweep's cells), which a rerun uses.
    /// </summary>
    /// <exception cref="OutputFileException">The file could not be written; nothing is left behind.</exception>
    public static void WriteKept(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string temp = TemporaryName(full);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using (var stream = OpenTemporary(temp)) write(stream);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not OutputFileException)
        {
            throw new OutputFileException(full, Cause(e, temp, full), e);
        }
        finally
        {
            TryDelete(temp);
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
    /// computes anything; returns the full path. A folder it creates belongs to the current
    /// <see cref="OutputTransaction"/> and goes again if that fails while the folder is empty.
    /// </summary>
    public static string EnsureWritableDirectory(string dir)
    {
        string full = Path.GetFullPath(dir);
        CreateDirectory(full);
        string probe = Path.Combine(full, $".descent-probe.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(probe, []);
        File.Delete(probe);
        return full;
    }

    /// <summary>
    /// Whether <paramref name="fileName"/> is a temporary this class names (also the older
    /// <c>.NAME.PID.GUID.tmp</c>), and which process made it.
    /// </summary>
    public static bool IsTemporaryName(string fileName, out int processId)
    {
        var match = TemporaryPattern().Match(fileName);
        processId = match.Success && int.TryParse(match.Groups[1].ValueSpan, out int pid) ? pid : 0;
        return match.Success && processId > 0;
    }

    /// <summary>
    /// Deletes the temporaries that processes which no longer run left in <paramref name="dir"/> and,
    /// to <paramref name="depth"/> levels, in its subfolders (a killed run's <c>.descent-*.tmp</c>);
    /// a live process's are kept. Returns how many went; a folder that cannot be read is skipped.
    /// </summary>
    public static int SweepStale(string dir, int depth = 1)
    {
        ArgumentNullException.ThrowIfNull(dir);
        int removed = 0;
        try
        {
            var folder = new DirectoryInfo(dir);
            if (!folder.Exists) return 0;
            foreach (var file in folder.EnumerateFiles(".*.tmp"))
                if (IsTemporaryName(file.Name, out int pid) && IsStale(file, pid) && TryDelete(file.FullName)) removed++;
            if (depth > 0)
                foreach (var sub in folder.EnumerateDirectories())
                    if ((sub.Attributes & FileAttributes.ReparsePoint) == 0) removed += SweepStale(sub.FullName, depth - 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            // Sweeping is housekeeping: a folder we cannot list holds nothing we could remove anyway.
        }
        return removed;
    }

    internal static bool TryDelete(string path)
    {
        try
        {
            if (!File.Exists(path)) return false;
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    internal static string TemporaryName(string full, string kind = "")
    {
        // A file name is at most 255 bytes; the temporary adds about 60 characters to a shortened name.
        string name = Path.GetFileName(full);
        if (name.Length > 120) name = name[..120];
        return Path.Combine(Path.GetDirectoryName(full)!, $".descent-{name}{kind}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    private static FileStream OpenTemporary(string temp) =>
        // FileShare.Delete lets an interrupt delete the temporary while it is still being written.
        new(temp, FileMode.CreateNew, FileAccess.Write, FileShare.Delete);

    private static void CreateDirectory(string full)
    {
        var missing = new Stack<string>();
        for (string? d = full; d is not null && !Directory.Exists(d); d = Path.GetDirectoryName(d)) missing.Push(d);
        if (missing.Count == 0) return;
        Directory.CreateDirectory(full);
        var transaction = OutputTransaction.Current;
        if (transaction is not null)
            foreach (string d in missing) transaction.CreatedDirectory(d);
    }

    // .NET's messages end in " : 'PATH'" with the temporary's name; the caller knows the target, not the temporary.
    private static string Cause(Exception e, string temp, string full)
    {
        string message = e.Message.Replace($" : '{temp}'", "", StringComparison.Ordinal).Replace(temp, full, StringComparison.Ordinal).Trim();
        return message.TrimEnd('.');
    }

    private static bool IsStale(FileInfo file, int pid)
    {
        DateTime written = file.LastWriteTimeUtc;
        try
        {
            using var process = Process.GetProcessById(pid);
            // A reused process id: the file is older than the process that now has the id.
            return written < process.StartTime.ToUniversalTime().AddSeconds(-1);
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\..+\.(\d{1,10})\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryPattern();
}
