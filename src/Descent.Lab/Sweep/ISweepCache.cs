namespace Descent.Lab.Sweep;

/// <summary>
/// Finished sweep runs by content key (<see cref="SweepExperiment.CacheKey"/>): a sweep that is interrupted, extended or
/// run again recomputes nothing it already has. Implementations must be safe to call from several threads.
/// </summary>
public interface ISweepCache
{
    /// <summary>The outcome stored under <paramref name="key"/>, or null.</summary>
    SweepOutcome? Find(string key);

    /// <summary>Stores a batch of finished runs; a batch is kept whole or not at all.</summary>
    void Store(IReadOnlyList<KeyValuePair<string, SweepOutcome>> batch);
}
