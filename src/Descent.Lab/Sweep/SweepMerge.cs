using Descent.Lab.IO;

namespace Descent.Lab.Sweep;

/// <summary>
/// <c>descent sweep merge</c>: the shards of one sweep (<see cref="SweepShard"/>) combined into exactly the result the
/// unsharded sweep gives — the same rows in the same order, the summaries computed from all of them.
/// </summary>
public static class SweepMerge
{
    /// <summary>The shard files in <paramref name="directories"/> (<c>sweep.shard-*-of-*.json</c>), sorted by name.</summary>
    /// <exception cref="LabInputException">A folder that does not exist or holds no shard file.</exception>
    public static IReadOnlyList<string> FindShardFiles(IReadOnlyList<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        if (directories.Count == 0) throw new LabInputException("dir", "give the folders the shards wrote to, e.g. descent sweep merge out/0 out/1 out/2 --out merged.");
        var files = new List<string>();
        foreach (string dir in directories)
        {
            if (!Directory.Exists(dir)) throw new LabInputException("dir", $"no folder '{Specs.OptimizerSpec.Quote(dir)}'.");
            var found = Directory.GetFiles(dir, "sweep.shard-*-of-*.json");
            if (found.Length == 0) throw new LabInputException("dir", $"'{Specs.OptimizerSpec.Quote(dir)}' holds no shard file (sweep.shard-I-of-N.json); run descent sweep --shard I/N --out DIR first.");
            files.AddRange(found);
        }
        return [.. files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Reads the shard files at <paramref name="paths"/> and merges them (<see cref="Merge(IReadOnlyList{SweepShard})"/>).</summary>
    public static SweepResult MergeFiles(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Merge([.. paths.Select(LabJson.ReadFile<SweepShard>)]);
    }

    /// <summary>Combines <paramref name="shards"/>: every shard 0..N−1 of one sweep exactly once, the same config and tool version.</summary>
    /// <exception cref="LabInputException">Shards of different sweeps, a missing or repeated shard, or rows that do not add up.</exception>
    public static SweepResult Merge(IReadOnlyList<SweepShard> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0) throw new LabInputException("dir", "no shards to merge.");
        var first = shards[0];
        string config = LabJson.Serialize(first.Result.Config);
        var seen = new bool[Math.Max(first.Shards, 1)];
        foreach (var s in shards)
        {
            if (s.Shards != first.Shards)
                throw new LabInputException("dir", $"shards of different splits: {first.Shard}/{first.Shards} and {s.Shard}/{s.Shards}.");
            if (s.Shard < 0 || s.Shard >= s.Shards) throw new LabInputException("dir", $"shard {s.Shard}/{s.Shards} does not exist.");
            if (LabJson.Serialize(s.Result.Config) != config || s.Runs != first.Runs)
                throw new LabInputException("dir", $"shard {s.Shard}/{s.Shards} is of another sweep (its config differs from shard {first.Shard}'s).");
            if (s.Result.ToolVersion != first.Result.ToolVersion)
                throw new LabInputException("dir", $"shard {s.Shard}/{s.Shards} was computed by Descent {s.Result.ToolVersion}, shard {first.Shard} by {first.Result.ToolVersion}; rerun one with the other's version.");
            if (seen[s.Shard]) throw new LabInputException("dir", $"shard {s.Shard}/{s.Shards} is given twice.");
            seen[s.Shard] = true;
        }
        var missing = Enumerable.Range(0, seen.Length).Where(i => !seen[i]).ToList();
        if (missing.Count > 0)
            throw new LabInputException("dir", $"missing shard{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Take(10))} of {first.Shards}; run them (--shard I/{first.Shards}) or name their folders.");
        foreach (var s in shards)
            if (s.Result.Rows.FirstOrDefault(r => r.Index % s.Shards != s.Shard) is { } stray)
                throw new LabInputException("dir", $"shard {s.Shard}/{s.Shards} holds row {stray.Index}, which belongs to shard {stray.Index % s.Shards}.");
        var rows = shards.SelectMany(s => s.Result.Rows).OrderBy(r => r.Index).ToList();
        for (int i = 0; i < rows.Count; i++)
            if (rows[i].Index != i)
                throw new LabInputException("dir", $"the shards' rows do not add up to the sweep's {first.Runs} runs (row {i} is missing or repeated).");
        if (rows.Count != first.Runs)
            throw new LabInputException("dir", $"the shards hold {rows.Count} rows; the sweep has {first.Runs}.");
        var grids = first.Result.Optimizers.Select(o => SpecGrid.Expand(o.Optimizer)).ToList();
        return first.Result with
        {
            Rows = rows,
            Summaries = SweepSummaries.Compute(grids, rows, first.Result.Config.Target is not null),
        };
    }
}
