using System.Diagnostics;

namespace Descent.Cli.Tests;

/// <summary>
/// A tiny tmpfs (64 KiB) mounted on a fresh folder: a disk that fills up after a few files. Mounting needs
/// root (or CAP_SYS_ADMIN) on Linux; <see cref="WhyUnavailable"/> says why it cannot be had elsewhere.
/// </summary>
public sealed class Tmpfs : IDisposable
{
    private static readonly Lazy<string?> Unavailable = new(Probe);
    private readonly TempDirectory _folder = new();

    /// <summary>Mounts a tmpfs of <paramref name="kibibytes"/> KiB.</summary>
    public Tmpfs(int kibibytes = 64)
    {
        string? error = Mount(_folder.Path, kibibytes);
        if (error is not null) throw new InvalidOperationException($"mount failed: {error}");
    }

    /// <summary>The mount point.</summary>
    public string Path => _folder.Path;

    /// <summary>Null when a tmpfs can be mounted here, else the reason.</summary>
    public static string? WhyUnavailable => Unavailable.Value;

    /// <inheritdoc/>
    public void Dispose()
    {
        Exec("umount", Path);
        _folder.Dispose();
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux()) return "a tmpfs disk needs Linux";
        using var probe = new TempDirectory();
        string? error = Mount(probe.Path, 16);
        if (error is not null) return $"cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): {error}";
        Exec("umount", probe.Path);
        return null;
    }

    private static string? Mount(string path, int kibibytes)
    {
        var (code, err) = Exec("mount", "-t", "tmpfs", "-o", $"size={kibibytes}k", "tmpfs", path);
        return code == 0 ? null : err.Trim();
    }

    private static (int Code, string Err) Exec(string program, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (string a in args) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            string err = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, err);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
