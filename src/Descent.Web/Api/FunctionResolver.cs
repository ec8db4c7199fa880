using Descent.Functions;
using Descent.Lab;
using Descent.Lab.Trajectory;

namespace Descent.Web.Api;

/// <summary>Turns <c>function</c> text into an objective exactly as <c>descent trajectory --function</c> does.</summary>
public static class FunctionResolver
{
    /// <summary>The built-in function or the formula <paramref name="text"/> names.</summary>
    /// <exception cref="LabInputException"><c>function</c>: empty, unknown, or a formula that does not parse (the <see cref="FormulaException"/> inside).</exception>
    public static Objective Resolve(string text) =>
        TrajectoryExperiment.ResolveFunction(new TrajectoryConfig { Function = text });
}
