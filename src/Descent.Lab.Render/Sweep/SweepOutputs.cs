using Descent.Lab.IO;
using Descent.Lab.Render.Files;
using Descent.Lab.Sweep;

namespace Descent.Lab.Render.Sweep;

/// <summary>Writes sweep results as files, each atomically: the data of a whole sweep, or one shard's file. It runs nothing.</summary>
public static class SweepOutputs
{
    /// <summary>The cache folder inside an output folder.</summary>
    public static string CacheFolder(string dir) => Path.Combine(dir, "cache");

    /// <summary>Writes <c>sweep.csv</c> and <c>sweep.json</c> into <paramref name="dir"/>.</summary>
    public static void WriteData(SweepResult result, string dir, string name = "sweep")
    {
        AtomicFile.WriteText(Path.Combine(dir, name + ".csv"), w => SweepCsv.Write(result, w));
        AtomicFile.Write(Path.Combine(dir, name + ".json"), s => LabJson.Write(s, result));
    }

    /// <summary>Draws the sweep figure of <paramref name="result"/> to <paramref name="path"/> (<see cref="SweepFigure"/>).</summary>
    public static void WriteFigure(SweepResult result, string path, string? title = null) => SweepFigure.Save(result, path, title);

    /// <summary>Writes one shard's file (<see cref="SweepShard.FileName"/>) into <paramref name="dir"/>.</summary>
    public static string WriteShard(SweepShard shard, string dir)
    {
        ArgumentNullException.ThrowIfNull(shard);
        string path = Path.Combine(dir, SweepShard.FileName(shard.Shard, shard.Shards));
        AtomicFile.Write(path, s => LabJson.Write(s, shard));
        return path;
    }
}
