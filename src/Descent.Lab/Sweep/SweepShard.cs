namespace Descent.Lab.Sweep;

/// <summary>
/// What one shard of a sweep writes (<c>--shard I/N</c>): its rows (those whose index is I mod N) in a result without
/// summaries, with the shard's place, so <see cref="SweepMerge"/> can check that every shard of the same sweep is there.
/// </summary>
public sealed record SweepShard
{
    /// <summary>This shard's index I, 0 ≤ I &lt; <see cref="Shards"/>.</summary>
    public required int Shard { get; init; }

    /// <summary>The number of shards N.</summary>
    public required int Shards { get; init; }

    /// <summary>Runs in the whole sweep, every shard together.</summary>
    public required int Runs { get; init; }

    /// <summary>The shard's rows, with the sweep's config.</summary>
    public required SweepResult Result { get; init; }

    /// <summary>The file name a shard writes: <c>sweep.shard-I-of-N.json</c>.</summary>
    public static string FileName(int shard, int shards) => FormattableString.Invariant($"sweep.shard-{shard}-of-{shards}.json");
}
