using System.Text.Json;

namespace Descent.Functions.Tests;

/// <summary>
/// The <c>values</c> of Reference/landscape_trajectories.json: each lecture landscape's value and
/// gradient at seven probe points, by PyTorch autograd.
/// </summary>
public static class ReferenceValues
{
    public sealed record Probe(double X, double Y, double Value, double Dx, double Dy);

    /// <summary>The reference file's landscape keys and Descent's names for them.</summary>
    public static readonly IReadOnlyDictionary<string, string> DescentNames = new Dictionary<string, string>
    {
        ["Simple_quad"] = "quadratic",
        ["Wobbly"] = "wobbly",
        ["Basins_and_walls"] = "basins-and-walls",
        ["Ripple"] = "ripple",
        ["Giant_plateu"] = "giant-plateau",
        ["Hills_and_canyon"] = "hills-and-canyon",
        ["Bad_init"] = "two-minimums",
    };

    private static readonly Lazy<Dictionary<string, Probe[]>> Values = new(Load);

    public static IReadOnlyList<Probe> For(string descentName) =>
        Values.Value[DescentNames.Single(p => p.Value == descentName).Key];

    public static IEnumerable<string> Keys => Values.Value.Keys;

    private static Dictionary<string, Probe[]> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", "landscape_trajectories.json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        var result = new Dictionary<string, Probe[]>();
        foreach (JsonProperty landscape in doc.RootElement.GetProperty("values").EnumerateObject())
        {
            result[landscape.Name] = landscape.Value.EnumerateArray().Select(p =>
            {
                JsonElement at = p.GetProperty("at"), grad = p.GetProperty("grad");
                return new Probe(at[0].GetDouble(), at[1].GetDouble(), p.GetProperty("value").GetDouble(),
                    grad[0].GetDouble(), grad[1].GetDouble());
            }).ToArray();
        }
        return result;
    }
}
