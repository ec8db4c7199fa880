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
        ["quadratic"] = "Every method heads for the centre of the bowl. Adagrad and Adadelta land on it, Nesterov and Adam within 0.004; RMSProp's steps, normalised to about lr in size, leave it 0.19 away after 125 steps.",
        ["wobbly"] = "Adagrad, Nesterov and Adam settle in the minimum near (-0.17, -0.91). RMSProp ends 0.18 from it and Adadelta, still on its way, 0.7.",
        ["basins-and-walls"] = "Nesterov and Adam stop in the first valley, at x = -0.76. Adagrad crosses the walls to the centre, and RMSProp and Adadelta end within 0.2 of it.",
        ["ripple"] = "Nesterov rolls over the ripples to the centre and Adagrad gets within 0.04. Adam, RMSProp and Adadelta stop in ripples 0.2 to 0.8 away.",
        ["giant-plateau"] = "On the plateau the gradient almost vanishes: Nesterov, which steps in proportion to it, barely leaves the start. The adaptive methods rescale it and reach the well; Adagrad and Adam end on the minimum.",
        ["hills-and-canyon"] = "Only Adam leaves the trap near (-2.03, -1.08) and reaches the central basin. Nesterov and Adagrad settle in the trap; RMSProp and Adadelta stay in it, about 0.2 from its bottom.",
        ["two-minimums"] = "A bad start leaves every method no chance: all five stay in the shallow well at (-2.5, -2.5), and none crosses the plateau to the deep minimum at the centre.",
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
