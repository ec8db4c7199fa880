using Descent.Lab.Trajectory;
using Descent.Specs;

namespace Descent.Lab.Recipes;

/// <summary>
/// Every registered optimizer on the classic test functions under the <c>pytorch</c> convention, each
/// function from its own start (<see cref="Functions.FunctionCatalog"/>) for a step count that suits it
/// (10 figures, one path per rule). Each rule runs the spec its registration brings for the function
/// (<see cref="OptimizerEntry.Showcase"/>: the built-in rules' learning rates are tuned per function), or
/// its defaults; a rule a user registers joins every figure.
/// </summary>
public static class ClassicsRecipe
{
    /// <summary>The recipe's name.</summary>
    public const string Name = "classics";

    /// <summary>The rules, in the order of <see cref="OptimizerCatalog"/>: every rule registered now.</summary>
    public static IReadOnlyList<string> Rules => [.. OptimizerCatalog.Names];

    private sealed record Setup(string Function, string Title, int Steps, string Caption);

    private static readonly Setup[] Setups =
    [
        new("rosenbrock", "Rosenbrock", 1000, "Finding the valley takes a few steps, following its curved floor to (1, 1) is the hard part: in 1000 steps the three momentum rules, Adam, Lookahead and Schedule-Free arrive (within 0.02) and L-BFGS is there after 3 steps, Muon is 0.08 away and Adamax 0.09, and the others are still on the way. LAMB's step is lr·|p| long (its trust ratio), so it stalls at (0, 0), loss 1."),
        new("beale", "Beale", 500, "Plateaus and steep walls: from (1, 1) twelve rules reach the minimum at (3, 0.5) (within 0.01), Schedule-Free, Lookahead and L-BFGS among them, and SGD, ASGD and Lion come within 0.03. RMSProp, Muon, LAMB, AdamW (its weight decay pulls towards 0), AdaBelief and RAdam stop short, 0.04 to 0.17 away."),
        new("himmelblau", "Himmelblau", 200, "Four minima, one reached: from (0, 0) every rule ends in the one at (3, 2). Most momentum and Adam-type rules overshoot it first, to x of up to about 3.5, Lion to 3.6 and LAMB to 4.1."),
        new("rastrigin", "Rastrigin", 200, "A bowl under a grid of local minima. Heavy-ball and Nesterov momentum with small steps and L-BFGS stop in the local minimum next to the start, at (-3.98, 3.98), big adaptive steps hop across the grid, and in 200 steps only LAMB, whose step is lr·|p| long, settles in the global minimum at the centre."),
        new("ackley", "Ackley", 300, "Most rules cross the bumpy plain into the funnel and end within 0.45 of its tip: the gradient keeps its size up to the tip, so steps keep overshooting it. Heavy-ball momentum stays in the dimple by the start, L-BFGS flies across to a dimple at (6, -2), Adam stops in one at (0, -0.95) and Lion in one at (0, 1)."),
        new("booth", "Booth", 200, "A plain quadratic valley: 15 rules reach (1, 3), L-BFGS in its first step, and AdamW, AdaBelief, Adadelta and Muon stop 0.11 to 0.36 short. RAdam's first steps, unrectified, are plain momentum steps that fling it far out (to about 20) before it comes back, 0.95 short after 200 steps, and LAMB, whose step is lr·|p| long, is still by the origin, 2.9 short."),
        new("saddle", "Saddle", 100, "Plain gradient steps first slide down to the saddle point (x goes to 0) and only then leave it along y, and so does Rprop, whose growing step sizes then fling it out to y = 2282. The other adaptive rules rescale the tiny y-gradient and head away at once, never reaching the saddle point (x stays above 0.2), and L-BFGS overshoots across it to (-110, 113)."),
        new("monkey-saddle", "Monkey saddle", 100, "Every path but Muon's bends away from the x axis, towards the valley at 60 degrees where f = r^3 cos 3t falls fastest; how far it gets in 100 steps depends on the rule. Muon's orthogonalized momentum barely turns: it ends 4 degrees above the axis, from 2 at the start."),
        new("styblinski-tang", "Styblinski–Tang", 200, "From (0.5, 0.5) the gradient points to the upper-right corner: every rule but Muon ends in the shallowest of the four minima, (2.75, 2.75) with value -50.06, far from the global -78.33 at (-2.90, -2.90). Muon is still on its way there after 200 steps, at (1.89, 1.89)."),
        new("goldstein-price", "Goldstein–Price", 300, "From (1, 1) no rule finds the global minimum 3 at (0, -1). Most stop in the local minimum 840 at (1.2, 0.8); the three momentum rules, Lion, Muon and L-BFGS reach the better local minimum 84 at (1.8, 0.2)."),
    ];

    /// <summary>
    /// The recipe: one figure per classic function (<c>classic-rosenbrock</c> … <c>classic-goldstein-price</c>),
    /// built from the registry as it is now, so a rule registered later appears too.
    /// </summary>
    public static TrajectoryRecipe Recipe => new()
    {
        Name = Name,
        Description = "every optimizer (pytorch) with tuned learning rates on the 10 classic test functions",
        Figures = [.. Setups.Select(Figure)],
    };

    private static TrajectoryFigure Figure(Setup setup) => new(
        Name: $"classic-{setup.Function}",
        Title: $"{setup.Title}: every optimizer, {setup.Steps} steps",
        Caption: setup.Caption,
        Config: new TrajectoryConfig
        {
            Function = setup.Function,
            Optimizers = [.. OptimizerCatalog.Entries.Select(e => e.ShowcaseSpec(setup.Function))],
            Convention = Convention.PyTorch,
            Steps = setup.Steps,
        });
}
