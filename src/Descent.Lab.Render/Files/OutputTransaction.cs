namespace Descent.Lab.Render.Files;

/// <summary>
/// The files one command writes, as one unit: while a transaction is open, every <see cref="AtomicFile"/>
/// write joins it, and a file it replaces is kept aside under a temporary name. <see cref="Complete"/> makes
/// them final; disposing without completing (a failure) deletes the new files, puts the replaced ones back
/// and removes the empty folders the command created, so a failed command leaves no new files.
/// <see cref="Abort"/> does the same from another thread (an interrupt) and refuses any later write.
/// </summary>
/// <remarks>
/// One transaction at a time per process (a command-line run); writes from many threads may join it.
/// A long job that wants to keep its finished parts when it fails later (a gallery keeping its finished
/// figures for the next run's cache) calls <see cref="Checkpoint"/> after each part.
/// </remarks>
public sealed class OutputTransaction : IDisposable
{
    private static readonly Lock Gate = new();
    private static volatile OutputTransaction? _current;

    private readonly HashSet<string> _temporaries = [];
    private readonly List<(string Path, string? Replaced)> _written = [];
    private readonly List<string> _createdDirectories = [];
    private bool _aborted;
    private bool _closed;

    private OutputTransaction()
    {
    }

    /// <summary>The open transaction, or null.</summary>
    public static OutputTransaction? Current => _current;

    /// <summary>Opens the process's transaction.</summary>
    /// <exception cref="InvalidOperationException">One is already open.</exception>
    public static OutputTransaction Begin()
    {
        lock (Gate)
        {
            if (_current is not null) throw new InvalidOperationException("An output transaction is already open.");
            return _current = new OutputTransaction();
        }
    }

    /// <summary>Whether <see cref="Abort"/> was called.</summary>
    public bool IsAborted
    {
        get { lock (Gate) return _aborted; }
    }

    /// <summary>The files written so far and not yet made final by <see cref="Checkpoint"/>.</summary>
    public IReadOnlyList<string> Written
    {
        get { lock (Gate) return [.. _written.Select(w => w.Path)]; }
    }

    /// <summary>Makes every file written so far final (the replaced versions are deleted); the transaction stays open.</summary>
    public void Checkpoint()
    {
        lock (Gate)
        {
            if (_aborted) throw new OperationCanceledException("The command was interrupted.");
            foreach (var (_, replaced) in _written)
                if (replaced is not null) AtomicFile.TryDelete(replaced);
            _written.Clear();
            _createdDirectories.Clear();
        }
    }

    /// <summary>Makes every file final and closes the transaction.</summary>
    public void Complete()
    {
        Checkpoint();
        Close();
    }

    /// <summary>
    /// Stops the command's output from any thread: later writes throw <see cref="OperationCanceledException"/>,
    /// the temporaries being written are deleted, and the files written so far are rolled back. Returns how
    /// many files were removed or restored. Safe to call more than once.
    /// </summary>
    public int Abort()
    {
        lock (Gate)
        {
            _aborted = true;
            int count = 0;
            foreach (string temp in _temporaries)
                if (AtomicFile.TryDelete(temp)) count++;
            _temporaries.Clear();
            return count + RollBack();
        }
    }

    /// <summary>Rolls back unless <see cref="Complete"/> was called, and closes the transaction.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (_closed) return;
            _aborted = true;
            foreach (string temp in _temporaries) AtomicFile.TryDelete(temp);
            _temporaries.Clear();
            RollBack();
        }
        Close();
    }

    internal FileStream OpenTemporary(string temp, Func<string, FileStream> open)
    {
        lock (Gate)
        {
            if (_aborted) throw new OperationCanceledException("The command was interrupted.");
            var stream = open(temp);
            _temporaries.Add(temp);
            return stream;
        }
    }

    internal void Commit(string temp, string full)
    {
        lock (Gate)
        {
            if (_aborted) throw new OperationCanceledException("The command was interrupted.");
            string? replaced = null;
            if (File.Exists(full))
            {
                replaced = AtomicFile.TemporaryName(full, ".replaced");
                File.Move(full, replaced);
            }
            try
            {
                File.Move(temp, full);
            }
            catch
            {
                if (replaced is not null) File.Move(replaced, full);
                throw;
            }
            _temporaries.Remove(temp);
            _written.Add((full, replaced));
        }
    }

    internal void Forget(string temp)
    {
        lock (Gate) _temporaries.Remove(temp);
    }

    internal void CreatedDirectory(string full)
    {
        lock (Gate) _createdDirectories.Add(full);
    }

    // Newest first, so a file written twice ends as it was before the command.
    private int RollBack()
    {
        int count = 0;
        for (int i = _written.Count - 1; i >= 0; i--)
        {
            var (path, replaced) = _written[i];
            try
            {
                if (replaced is not null) File.Move(replaced, path, overwrite: true);
                else File.Delete(path);
                count++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: the failure being reported matters more than one file we could not undo.
            }
        }
        _written.Clear();
        for (int i = _createdDirectories.Count - 1; i >= 0; i--)
        {
            try
            {
                if (Directory.Exists(_createdDirectories[i]) && !Directory.EnumerateFileSystemEntries(_createdDirectories[i]).Any())
                    Directory.Delete(_createdDirectories[i]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A folder someone else filled meanwhile stays.
            }
        }
        _createdDirectories.Clear();
        return count;
    }

    private void Close()
    {
        lock (Gate)
        {
            _closed = true;
            if (ReferenceEquals(_current, this)) _current = null;
        }
    }
}
