namespace Descent.Lab.Sweep;

/// <summary>How a sweep's work is spread: threads, the shard of the rows this process runs, and the cache of finished runs.</summary>
public sealed record SweepRunOptions
{
    /// <summary>Threads to run cells on; null for every core. The results do not depend on it.</summary>
    public int? Threads { get; init; }

    /// <summary>This process runs the rows whose index is <see cref="ShardIndex"/> mod <see cref="ShardCount"/>.</summary>
    public int ShardIndex { get; init; }

    /// <summary>The number of shards; 1 runs every row.</summary>
    public int ShardCount { get; init; } = 1;

    /// <summary>Finished runs, looked up before a run and filled after; null for none.</summary>
    public ISweepCache? Cache { get; init; }
}
