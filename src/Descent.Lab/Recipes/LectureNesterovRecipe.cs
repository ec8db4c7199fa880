using System.Globalization;

namespace Descent.Lab.Recipes;

/// <summary>
/// The lecture's Nesterov animations: Nesterov momentum 0.25, 0.9 and 0.975 at lr 0.01 under the
/// <c>lasagne</c> convention, from (−2.8, −2.5) for 125 steps, one figure per landscape (7 figures).
/// </summary>
public static class LectureNesterovRecipe
{
    /// <summary>The recipe's name.</summary>
    public const string Name = "lecture-nesterov";

    /// <summary>The momentum values the lecture compares.</summary>
    public static IReadOnlyList<string> Momenta { get; } = ["0.25", "0.9", "0.975"];

    /// <summary>The specs, one per momentum value: <c>nesterov(lr=0.01,momentum=0.25)</c> ….</summary>
    public static IReadOnlyList<string> Optimizers { get; } =
        [.. Momenta.Select(m => string.Format(CultureInfo.InvariantCulture, "nesterov(lr=0.01,momentum={0})", m))];

    private static readonly Dictionary<string, string> Captions = new()
    {
        ["quadratic"] = "TODO",
        ["wobbly"] = "TODO",
        ["basins-and-walls"] = "TODO",
        ["ripple"] = "TODO",
        ["giant-plateau"] = "TODO",
        ["hills-and-canyon"] = "TODO",
        ["two-minimums"] = "TODO",
    };

    /// <summary>The recipe: one figure per landscape, in catalog order (<c>nesterov-quadratic</c> … <c>nesterov-two-minimums</c>).</summary>
    public static TrajectoryRecipe Recipe { get; } = new()
    {
        Name = Name,
        Description = "the lecture's Nesterov momentum 0.25 / 0.9 / 0.975 at lr 0.01 (lasagne) on the 7 landscapes",
        Figures =
        [
            .. LectureAnimationsRecipe.Landscapes.Select(l => new TrajectoryFigure(
                Name: $"nesterov-{l.Name}",
                Title: $"{l.Title}: Nesterov momentum 0.25, 0.9, 0.975",
                Caption: Captions[l.Name],
                Config: LectureAnimationsRecipe.Config(l.Name, Optimizers),
                Source: $"the lecture's Nesterov {l.Label} animation")),
        ],
    };
}
