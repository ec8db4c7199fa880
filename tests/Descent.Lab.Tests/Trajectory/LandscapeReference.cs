using System.Text.Json;

namespace Descent.Lab.Tests.Trajectory;

/// <summary>
/// The lecture's landscape trajectories (Reference/landscape_trajectories.json, Lasagne's formulas and
/// torch.optim 1.13 with PyTorch autograd, float64): <c>{"start", "steps", "lasagne": {landscape: {label:
/// [[x, y] × 126]}}, "pytorch": {…}, "values": {…}}</c>. Read with a plain JsonDocument, independently
/// of the lab's own JSON code.
/// </summary>
public static class LandscapeReference
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Reference", "landscape_trajectories.json"))));

    /// <summary>The file's landscape keys and Descent's names for them.</summary>
    public static IReadOnlyDictionary<string, string> Landscapes { get; } = new Dictionary<string, string>
    {
        ["Simple_quad"] = "quadratic",
        ["Wobbly"] = "wobbly",
        ["Basins_and_walls"] = "basins-and-walls",
        ["Ripple"] = "ripple",
        ["Giant_plateu"] = "giant-plateau",
        ["Hills_and_canyon"] = "hills-and-canyon",
        ["Bad_init"] = "two-minimums",
    };

    /// <summary>The start of every reference path.</summary>
    public static (double X, double Y) Start
    {
        get
        {
            var s = Document.Value.RootElement.GetProperty("start");
            return (s[0].GetDouble(), s[1].GetDouble());
        }
    }

    /// <summary>The steps of every reference path.</summary>
    public static int Steps => Document.Value.RootElement.GetProperty("steps").GetInt32();

    /// <summary>Every (landscape key, label) of <paramref name="library"/> (<c>lasagne</c>, <c>pytorch</c>), in file order.</summary>
    public static IEnumerable<(string Landscape, string Label)> Paths(string library) =>
        from landscape in Document.Value.RootElement.GetProperty(library).EnumerateObject()
        from label in landscape.Value.EnumerateObject()
        select (landscape.Name, label.Name);

    /// <summary>The points of one reference path, start first.</summary>
    public static (double X, double Y)[] Path(string library, string landscape, string label) =>
        [.. Document.Value.RootElement.GetProperty(library).GetProperty(landscape).GetProperty(label).EnumerateArray()
            .Select(p => (p[0].GetDouble(), p[1].GetDouble()))];
}
