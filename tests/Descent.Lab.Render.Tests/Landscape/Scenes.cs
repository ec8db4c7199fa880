using Descent.Functions;
using Descent.Lab.Render.Landscape;

namespace Descent.Lab.Render.Tests.Landscape;

/// <summary>Scenes for the tests, with paths computed here (plain gradient descent and fixed curves), independent of the lab.</summary>
internal static class Scenes
{
    public static Objective HillsAndCanyon => FunctionCatalog.Find("hills-and-canyon").Objective;

    /// <summary>Plain gradient descent with the objective's exact gradient: <c>p ← p − lr·∇f(p)</c>.</summary>
    public static LandscapePath GradientDescent(Objective f, string label, double lr, int steps, Point2? start = null)
    {
        var p = start ?? f.Start;
        double x = p.X, y = p.Y;
        var xs = new List<double> { x };
        var ys = new List<double> { y };
        for (int t = 0; t < steps; t++)
        {
            f.ValueAndGradient(x, y, out double gx, out double gy);
            x -= lr * gx;
            y -= lr * gy;
            xs.Add(x);
            ys.Add(y);
        }
        return new LandscapePath(label, xs, ys);
    }

    /// <summary>A straight walk from the lecture's start (−2.8, −2.5) to (2, 2) in <paramref name="steps"/> equal steps.</summary>
    public static LandscapePath Walk(string label, int steps, double toX = 2, double toY = 2)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int t = 0; t <= steps; t++)
        {
            xs.Add(-2.8 + (toX + 2.8) * t / steps);
            ys.Add(-2.5 + (toY + 2.5) * t / steps);
        }
        return new LandscapePath(label, xs, ys);
    }

    /// <summary>A path that leaves the numbers: fine up to <paramref name="divergedAt"/> − 1, then huge, then NaN.</summary>
    public static LandscapePath Diverging(string label, int steps, int divergedAt)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int t = 0; t <= steps; t++)
        {
            if (t < divergedAt)
            {
                xs.Add(-2.8 + 0.1 * t);
                ys.Add(-2.5 + 0.05 * t);
            }
            else if (t == divergedAt)
            {
                xs.Add(3e300);
                ys.Add(-1e300);
            }
            else
            {
                xs.Add(double.NaN);
                ys.Add(double.NaN);
            }
        }
        return new LandscapePath(label, xs, ys, divergedAt);
    }

    /// <summary>The lecture's picture: hills and canyon with three paths of <paramref name="steps"/> steps.</summary>
    public static LandscapeScene Lecture(int steps = 40)
    {
        var f = HillsAndCanyon;
        return new LandscapeScene(f,
        [
            GradientDescent(f, "sgd(lr=0.1)", 0.1, steps),
            GradientDescent(f, "sgd(lr=0.02)", 0.02, steps),
            Walk("walk to (2, 2)", steps),
        ]);
    }
}
