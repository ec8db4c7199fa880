namespace Descent.Cli.Tests;

/// <summary>A test that needs a tiny disk (<see cref="Tmpfs"/>): skipped, with the reason, only where none can be mounted.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when a tmpfs cannot be mounted.</summary>
    public TmpfsFactAttribute()
    {
        if (Tmpfs.WhyUnavailable is { } reason) Skip = reason;
    }
}
