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
        ["quadratic"] = "Momentum 0.9 reaches the centre (within 0.002). With 0.25 the path is still 0.13 short after 125 steps; with 0.975 it overshoots and is still 0.09 away.",
        ["wobbly"] = "Momentum 0.9 settles in the minimum near (-0.17, -0.91). With 0.25 the path is still 0.3 short of it; with 0.975 it ends 0.2 away, past it.",
        ["basins-and-walls"] = "More momentum carries the path over more walls: with 0.25 it stops in the outermost valley (x = -2.28), with 0.9 in the first one (x = -0.76), and with 0.975 it crosses the centre into the valley at x = +0.76.",
        ["ripple"] = "Momentum 0.9 rolls over the ripples to the centre. With 0.25 the path sticks in a ripple near (-2, -2); with 0.975 it overshoots to the far side, near (2.3, 2.3).",
        ["giant-plateau"] = "The gradient on the plateau is too small for any momentum to build up: all three paths stay at the start.",
        ["hills-and-canyon"] = "Momentum 0.25 and 0.9 stop in the trap near (-2, -1); only 0.975 carries the path out of it into the central basin.",
        ["two-minimums"] = "Whatever the momentum, the path stays in the shallow well by the start.",
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
