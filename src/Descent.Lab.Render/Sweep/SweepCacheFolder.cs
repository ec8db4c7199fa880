using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Descent.Lab.IO;
using Descent.Lab.Render.Files;
using Descent.Lab.Sweep;

namespace Descent.Lab.Render.Sweep;

/// <summary>
/// A sweep's cache as a folder (<c>OUT/cache</c>): each finished batch of runs is one JSON file of content keys and
/// outcomes, written atomically and kept even when the command is interrupted, so a rerun, an extended grid or another
/// shard on the same shared folder recomputes nothing that is there. A file that does not read is ignored (recomputed).
/// </summary>
public sealed class SweepCacheFolder : ISweepCache
{
    private readonly string _dir;
    private readonly ConcurrentDictionary<string, SweepOutcome> _entries = new(StringComparer.Ordinal);

    /// <summary>Opens (and reads) the cache in <paramref name="dir"/>; the folder is made on the first store.</summary>
    public SweepCacheFolder(string dir)
    {
        ArgumentNullException.ThrowIfNull(dir);
        _dir = dir;
        if (!Directory.Exists(dir)) return;
        foreach (string file in Directory.EnumerateFiles(dir, "*.json"))
        {
            Dictionary<string, SweepOutcome> chunk;
            try { chunk = LabJson.ReadFile<Dictionary<string, SweepOutcome>>(file); }
            catch (LabInputException) { continue; }
            foreach (var (key, outcome) in chunk) _entries.TryAdd(key, outcome);
        }
    }

    /// <summary>Runs the cache holds.</summary>
    public int Count => _entries.Count;

    /// <inheritdoc/>
    public SweepOutcome? Find(string key) => _entries.GetValueOrDefault(key);

    /// <inheritdoc/>
    public void Store(IReadOnlyList<KeyValuePair<string, SweepOutcome>> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) return;
        var chunk = batch.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        // Named by its keys: the same batch stored twice (two shards on one folder) is one file.
        string name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', batch.Select(p => p.Key)))))[..32];
        AtomicFile.WriteKept(Path.Combine(_dir, name + ".json"), s => LabJson.Write(s, chunk));
        foreach (var (key, outcome) in batch) _entries.TryAdd(key, outcome);
    }
}
