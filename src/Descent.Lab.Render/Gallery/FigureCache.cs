using System.Security.Cryptography;
using System.Text;
using Descent.Lab.Render.Files;

namespace Descent.Lab.Render.Gallery;

/// <summary>
/// Remembers which config drew each gallery figure, so a re-run skips figures whose config (and the
/// tool version) has not changed and whose files are all still there. Keys live in <c>DIR/.cache/</c>.
/// </summary>
public sealed class FigureCache(string dir)
{
    private readonly string _folder = Path.Combine(dir, ".cache");

    private int _hits;
    private int _misses;

    /// <summary>How many figures were served from the cache in this run.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>How many figures were computed in this run.</summary>
    public int Misses => Volatile.Read(ref _misses);

    /// <summary>A stable key for a config: SHA-256 of its JSON text and the tool version.</summary>
    public static string KeyOf(string configJson) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ToolVersion.Current + "\n" + configJson)));

    /// <summary>
    /// Makes figure <paramref name="name"/> (safe to call for different names from several threads): skips <paramref name="make"/> when the recorded key equals
    /// <paramref name="key"/> and every one of <paramref name="files"/> exists; otherwise runs it and records the key.
    /// </summary>
    public void Ensure(string name, string key, IEnumerable<string> files, Action make)
    {
        string keyFile = Path.Combine(_folder, name + ".key");
        if (File.Exists(keyFile) && File.ReadAllText(keyFile) == key && files.All(f => File.Exists(Path.Combine(dir, f))))
        {
            Interlocked.Increment(ref _hits);
            return;
        }
        make();
        AtomicFile.WriteText(keyFile, w => w.Write(key));
        Interlocked.Increment(ref _misses);
    }
}
