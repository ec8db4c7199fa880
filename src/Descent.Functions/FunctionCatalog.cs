using System.Diagnostics.CodeAnalysis;
using Descent.Functions.Formulas;
using Descent.Specs;

namespace Descent.Functions;

/// <summary>
/// The built-in functions: the lecture's seven landscapes and ten classic test functions, each a
/// formula compiled by the same engine as a typed one. <see cref="Resolve"/> turns what a user typed
/// (<c>--function hills-and-canyon</c> or <c>--function "x^2 + 3*y^2"</c>) into an <see cref="Objective"/>.
/// </summary>
public static class FunctionCatalog
{
    /// <summary>The lecture's drawing domain, [−3, 3]².</summary>
    public static Domain LectureDomain { get; } = Domain.Square(-3, 3);

    /// <summary>The lecture's start of every path, (−2.8, −2.5).</summary>
    public static Point2 LectureStart { get; } = new(-2.8, -2.5);

    /// <summary>The lecture's grid spacing: it samples <c>arange(−3, 3, 0.05)</c> in x and in y.</summary>
    public const double LectureGridStep = 0.05;

    /// <summary>
    /// The lecture's contour levels, <c>[k/4 for k in −8..23] + [6.25, 6.5, 6.75, 7] + [8..19]</c>:
    /// −2 to 5.75 by quarters, 6.25 to 7 by quarters, 8 to 19 by ones (48 levels).
    /// </summary>
    public static IReadOnlyList<double> LectureContourLevels { get; } =
        [.. Enumerable.Range(-8, 32).Select(k => k / 4.0), 6.25, 6.5, 6.75, 7, .. Enumerable.Range(8, 12).Select(k => (double)k)];

    /// <summary>Every built-in function: the lecture's landscapes, then the classics, in the order of the docs.</summary>
    public static IReadOnlyList<FunctionEntry> All { get; } = [.. Lecture(), .. Classic()];

    /// <summary>Every accepted name, aliases included, in catalog order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.SelectMany(e => e.Aliases.Prepend(e.Name)).ToArray();

    /// <summary>The entry named <paramref name="name"/> or one of its aliases (case and surrounding space ignored).</summary>
    public static bool TryFind(string name, [NotNullWhen(true)] out FunctionEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim();
        entry = All.FirstOrDefault(e =>
            e.Name.Equals(key, StringComparison.OrdinalIgnoreCase) ||
            e.Aliases.Any(a => a.Equals(key, StringComparison.OrdinalIgnoreCase)));
        return entry is not null;
    }

    /// <summary>The entry named <paramref name="name"/> or one of its aliases.</summary>
    /// <exception cref="UnknownFunctionException">No such function; the message lists the valid names.</exception>
    public static FunctionEntry Find(string name) =>
        TryFind(name, out FunctionEntry? entry) ? entry : throw Unknown(name.Trim());

    /// <summary>
    /// A built-in function by name, or else a typed formula in x and y. Text that looks like a name
    /// (words of letters, digits and '_' joined by '-', none of them a formula's name) and parses as no
    /// formula is reported as an unknown function, with the valid names and the nearest one:
    /// <c>rosenbrok</c> → "Did you mean 'rosenbrock'?".
    /// </summary>
    /// <exception cref="UnknownFunctionException">A name that is neither built in nor a formula.</exception>
    /// <exception cref="FormulaException">A formula that does not parse; it points at the bad character.</exception>
    public static Objective Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryFind(text, out FunctionEntry? entry))
            return entry.Objective;
        try
        {
            return Objective.FromFormula(text);
        }
        catch (FormulaException) when (LooksLikeName(text.Trim()))
        {
            throw Unknown(text.Trim());
        }
    }

    /// <summary>
    /// Words joined by '-' (<c>hills-and-canyons</c>, <c>volcano</c>) none of which a formula knows:
    /// <c>x-z</c> or <c>sin</c> are formulas with a mistake, reported at the character.
    /// </summary>
    private static bool LooksLikeName(string text) =>
        text.Length > 0 && char.IsAsciiLetter(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
        && text.Split('-').All(word => !FormulaSyntax.ValidNames.Contains(word));

    private static UnknownFunctionException Unknown(string name) =>
        new(name, Names, Suggest.Nearest(name, Names));

    private static IEnumerable<FunctionEntry> Lecture()
    {
        FunctionEntry Landscape(string name, string formula, string description, KnownMinimum[] minima, string[]? aliases = null) =>
            new(name, FunctionKind.Lecture, formula, description, LectureDomain, LectureStart, minima, aliases,
                LectureContourLevels, LectureGridStep);

        KnownMinimum origin = new(0, 0, 0);

        yield return Landscape("quadratic", "x^2 + y^2",
            "The lecture's simple quadratic bowl: every method finds the centre.", [origin]);
        yield return Landscape("wobbly",
            "(x^2 + y^2)/3 + abs(x)*sqrt(abs(x) + 0.1) + 3*sin(x + y) + 3 + 8*exp(-2*((x + 1)^2 + (y + 2)^2))",
            "The lecture's wobbly landscape: a bowl tilted by a sine ridge, a bump near (-1, -2) and a kink along x = 0.",
            [new(-0.17242094376299926306, -0.90630184090186277711, 0.91550644524708248422)]);
        yield return Landscape("basins-and-walls", "(x^2 + y^2)/2 + sin(4*x)^2",
            "The lecture's basins and walls: a bowl cut into valleys parallel to the y axis.",
            [
                origin,
                new(-0.76145653227215005204, 0, 0.29905124961100084989, false),
                new(0.76145653227215005204, 0, 0.29905124961100084989, false),
                new(-1.5220040759402683069, 0, 1.1958579532187460744, false),
                new(1.5220040759402683069, 0, 1.1958579532187460744, false),
                new(-2.2803672884927101121, 0, 2.6892469928858118549, false),
                new(2.2803672884927101121, 0, 2.6892469928858118549, false),
            ]);
        yield return Landscape("ripple", "(x^2 + y^2)/3 + (sin(20*x)^2 + sin(20*y)^2)/15",
            "The lecture's ripple: a bowl covered with fine ripples, each a shallow local minimum (not listed).", [origin]);
        yield return Landscape("giant-plateau", "4*(1 - exp(-(x^2 + y^2)))",
            "The lecture's giant plateau: a narrow well in a plain where the gradient almost vanishes.", [origin]);
        yield return Landscape("hills-and-canyon",
            "(x^2 + y^2)/3 + 3*exp(-((x + 1)^2 + (y + 2)^2)) + exp(-1.5*(2*(x + 2)^2 + (y - 0.5)^2))"
            + " + 3*exp(-1.5*((x - 1)^2 + 2*(y + 1.5)^2)) + 1.5*exp(-((x + 1.5)^2 + 3*(y + 0.5)^2))"
            + " + 4*(1 - exp(-(x + y)^2))",
            "The lecture's hills and canyon: a canyon along y = -x between hills, a trap near (-2, -1); Adam escapes to the centre.",
            [
                new(-0.040419446910662412514, 0.071973728498048338348, 0.089716712921585683891),
                new(1.929145935695583043, -1.9214576920479250548, 2.9542752011752339707, false),
                new(-2.0341939933736305729, -1.081878763006328383, 6.644054939208322824, false),
            ]);
        yield return Landscape("two-minimums",
            "4 - 0.5*exp(-((x + 2.5)^2 + (y + 2.5)^2)) - 3*exp(-(x^2 + y^2))",
            "The lecture's bad initialization: a shallow well at the start (-2.5, -2.5), the deep one at the centre across a plateau.",
            [
                new(-1.552795302123157541e-6, -1.552795302123157541e-6, 0.99999813665894713682),
                new(-2.4999440701803039454, -2.4999440701803039454, 3.4999888169140183175, false),
            ],
            ["bad-init"]);
    }

    private static IEnumerable<FunctionEntry> Classic()
    {
        FunctionEntry Test(string name, string formula, string description, Domain domain, Point2 start, KnownMinimum[] minima) =>
            new(name, FunctionKind.Classic, formula, description, domain, start, minima);

        yield return Test("rosenbrock", "(1 - x)^2 + 100*(y - x^2)^2",
            "Rosenbrock (1960): a curved, flat-bottomed valley. Start (-1.2, 1) as in Moré, Garbow & Hillstrom (1981).",
            new(-2, 2, -1, 3), new(-1.2, 1), [new(1, 1, 0)]);
        yield return Test("beale", "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
            "Beale (1958): flat plateaus and steep walls. Start (1, 1) as in Moré, Garbow & Hillstrom (1981).",
            Domain.Square(-4.5, 4.5), new(1, 1), [new(3, 0.5, 0)]);
        yield return Test("himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
            "Himmelblau (1972): four global minima of value 0; which one a path reaches depends on the start.",
            Domain.Square(-5, 5), new(0, 0),
            [
                new(3, 2, 0),
                new(-2.8051180869527448531, 3.1313125182505729658, 0),
                new(-3.7793102533777468919, -3.2831859912861694123, 0),
                new(3.5844283403304917449, -1.8481265269644035535, 0),
            ]);
        yield return Test("rastrigin", "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)",
            "Rastrigin (A = 10): a bowl covered with a regular grid of local minima (not listed).",
            Domain.Square(-5.12, 5.12), new(-4.2, 3.8), [new(0, 0, 0)]);
        yield return Test("ackley", "-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20",
            "Ackley (1987): a nearly flat, bumpy plain around a sharp funnel. Not differentiable at the minimum: the "
            + "gradient there is NaN (sqrt at 0, as in PyTorch).",
            Domain.Square(-5, 5), new(-4, 3), [new(0, 0, 0)]);
        yield return Test("booth", "(x + 2*y - 7)^2 + (2*x + y - 5)^2",
            "Booth: a quadratic with a long diagonal valley.",
            Domain.Square(-10, 10), new(-5, -5), [new(1, 3, 0)]);
        yield return Test("saddle", "x^2 - y^2",
            "The saddle x² − y²: unbounded below; a path starting near the ridge y = 0 must leave the saddle point (0, 0).",
            Domain.Square(-2, 2), new(1.5, 0.05), []);
        yield return Test("monkey-saddle", "x^3 - 3*x*y^2",
            "The monkey saddle x³ − 3xy²: a flat degenerate saddle at (0, 0) with three descending valleys; unbounded below.",
            Domain.Square(-2, 2), new(1.5, 0.05), []);
        yield return Test("styblinski-tang", "(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)/2",
            "Styblinski–Tang (1990) in 2-D: one global and three local minima in the corners; from (0.5, 0.5) the gradient leads to the shallowest.",
            Domain.Square(-5, 5), new(0.5, 0.5),
            [
                new(-2.9035340277711770951, -2.9035340277711770951, -78.332331407542830928),
                new(2.7468027709908369925, -2.9035340277711770951, -64.195612359055358071, false),
                new(-2.9035340277711770951, 2.7468027709908369925, -64.195612359055358071, false),
                new(2.7468027709908369925, 2.7468027709908369925, -50.058893310567885214, false),
            ]);
        yield return Test("goldstein-price",
            "(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2))*(30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))",
            "Goldstein–Price (1971): values from 3 to about 10⁶ (draw with log-spaced levels), three local minima.",
            Domain.Square(-2, 2), new(1, 1),
            [
                new(0, -1, 3),
                new(-0.6, -0.4, 30, false),
                new(1.8, 0.2, 84, false),
                new(1.2, 0.8, 840, false),
            ]);
    }
}
