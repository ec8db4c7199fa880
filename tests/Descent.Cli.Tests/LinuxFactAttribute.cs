namespace Descent.Cli.Tests;

/// <summary>A test that sends POSIX signals or writes to <c>/dev/full</c>: skipped, with the reason, where those do not exist.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> off Linux.</summary>
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "needs Linux: POSIX signals sent with kill(2) and the /dev/full device";
    }
}
