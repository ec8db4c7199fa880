using System.Runtime.InteropServices;
using Descent.Lab.Render.Files;

namespace Descent.Cli.Infrastructure;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM: the first signal cancels <see cref="Token"/> (the token commands pass down),
/// aborts the command's <see cref="OutputTransaction"/> (temporaries and files written so far are deleted,
/// later writes refused) and lets the command stop by itself; work that does not watch the token is ended
/// after <see cref="Grace"/>. Either way one line is printed and the exit code is <see cref="ExitCode"/>.
/// A second signal ends the process at once.
/// </summary>
public sealed class Interruption : IDisposable
{
    /// <summary>Exit code of an interrupted command (128 + SIGINT, as shells report it).</summary>
    public const int ExitCode = 130;

    /// <summary>How long a command gets to stop by itself after the signal.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _cancellation = new();
    private readonly ManualResetEventSlim _finished = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signals;
    private int _reported;

    /// <summary>Starts listening for SIGINT and SIGTERM.</summary>
    public Interruption()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>Whether a signal arrived.</summary>
    public bool Signalled => Volatile.Read(ref _signals) > 0;

    /// <summary>Prints the one line (once, whoever comes first) and returns <see cref="ExitCode"/>.</summary>
    public int Report()
    {
        if (Interlocked.Exchange(ref _reported, 1) == 0)
        {
            // A progress bar hides the cursor and may not get to show it again before the process ends.
            if (!Console.IsErrorRedirected) Console.Error.Write("\u001b[?25h\n");
            CliRunner.WriteError("interrupted; no unfinished files are left.");
        }
        _finished.Set();
        return ExitCode;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _finished.Set();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) > 1)
        {
            Report();
            Environment.Exit(ExitCode);
        }
        _cancellation.Cancel();
        OutputTransaction.Current?.Abort();
        var watchdog = new Thread(() =>
        {
            if (_finished.Wait(Grace)) return;
            Report();
            Environment.Exit(ExitCode);
        }) { IsBackground = true, Name = "descent interrupt" };
        watchdog.Start();
    }
}
