using Descent.Functions;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Recipes;

/// <summary>
/// The lecture's cross-method animations: Nesterov momentum, RMSProp, Adadelta, Adagrad and Adam with the
/// lecture's settings under the <c>lasagne</c> convention, from (−2.8, −2.5) for 125 steps, one figure per
/// landscape (7 figures, 35 paths). The lecture animates five of the landscapes; quadratic and ripple
/// complete the set. Spec per shared/reference/README.md.
/// </summary>
public static class LectureAnimationsRecipe
{
    /// <summary>The recipe's name.</summary>
    public const string Name = "lecture-animations";

    /// <summary>The specs of the suite, in the lecture's legend order.</summary>
    public static IReadOnlyList<string> Optimizers { get; } =
        ["nesterov(lr=0.01,momentum=0.9)", "rmsprop(lr=0.25)", "adadelta(lr=100)", "adagrad(lr=1.0)", "adam(lr=0.25)"];

    /// <summary>The lecture's landscapes: Descent's name, the lecture's label, a title, and the caption.</summary>
    internal static IReadOnlyList<(string Name, string Label, string Title)> Landscapes { get; } =
    [
        ("quadratic", "Simple_quad", "Simple quadratic"),
        ("wobbly", "Wobbly", "Wobbly"),
        ("basins-and-walls", "Basins_and_walls", "Basins and walls"),
        ("ripple", "Ripple", "Ripple"),
        ("giant-plateau", "Giant_plateu", "Giant plateau"),
        ("hills-and-canyon", "Hills_and_canyon", "Hills and canyon"),
        ("two-minimums", "Bad_init", "Two minimums (bad initialization)"),
    ];

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

    /// <summary>The config of the suite on <paramref name="function"/>: lasagne, the lecture's start, 125 steps.</summary>
    public static TrajectoryConfig Config(string function, IReadOnlyList<string> optimizers) => new()
    {
        Function = function,
        Optimizers = optimizers,
        Convention = Convention.Lasagne,
        Start = FunctionCatalog.LectureStart,
        Steps = 125,
    };

    /// <summary>The recipe: one figure per landscape, in catalog order (<c>quadratic</c> … <c>two-minimums</c>).</summary>
    public static TrajectoryRecipe Recipe { get; } = new()
    {
        Name = Name,
        Description = "the lecture's animations: Nesterov, RMSProp, Adadelta, Adagrad and Adam (lasagne) on the 7 landscapes",
        Figures =
        [
            .. Landscapes.Select(l => new TrajectoryFigure(
                Name: l.Name,
                Title: $"{l.Title}: Nesterov, RMSProp, Adadelta, Adagrad, Adam",
                Caption: Captions[l.Name],
                Config: Config(l.Name, Optimizers),
                Source: $"the lecture's {l.Label} animation")),
        ],
    };
}
