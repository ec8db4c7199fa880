using System.Text.Json;

namespace Descent.Lab.Tests;

/// <summary>
/// The lecture's response numbers (Reference/lecture_response.json, computed by the lecture's own
/// script with NumPy): <c>{signal: {"signal": [...], "methods": {method: {param: [...]}}}}</c>.
/// Read with a plain JsonDocument, independently of the lab's own JSON code.
/// </summary>
public static class LectureReference
{
    private static readonly Lazy<Dictionary<string, Entry>> Data = new(Load);

    public sealed record Entry(double[] Signal, Dictionary<string, Dictionary<string, double[]>> Methods);

    /// <summary>The signal labels as the lecture writes them (<c>noisy sin</c>), in its order.</summary>
    public static IReadOnlyList<string> SignalLabels => [.. Data.Value.Keys];

    public static Entry Get(string signalLabel) => Data.Value[signalLabel];

    /// <summary>Every (signal, method, param) curve of the reference, in file order.</summary>
    public static IEnumerable<(string Signal, string Method, string Param)> Curves() =>
        from s in Data.Value
        from m in s.Value.Methods
        from p in m.Value
        select (s.Key, m.Key, p.Key);

    private static Dictionary<string, Entry> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", "lecture_response.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var result = new Dictionary<string, Entry>();
        foreach (var signal in doc.RootElement.EnumerateObject())
        {
            var methods = new Dictionary<string, Dictionary<string, double[]>>();
            foreach (var method in signal.Value.GetProperty("methods").EnumerateObject())
                methods[method.Name] = method.Value.EnumerateObject().ToDictionary(p => p.Name, p => Numbers(p.Value));
            result[signal.Name] = new Entry(Numbers(signal.Value.GetProperty("signal")), methods);
        }
        return result;
    }

    private static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];
}
