using Descent;
using Descent.Lab.Render.Landscape;
using Descent.Lab.Render.Trajectory;
using Descent.Lab.Trajectory;

// A landscape typed as a formula in x and y: a long valley with ripples across it.
var config = new TrajectoryConfig
{
    Function = "x^2 + 10*y^2 + 0.5*sin(5*x)",
    Start = new(-2.5, 1.5),
    Steps = 100,
    Convention = Convention.PyTorch,
    Optimizers = ["sgd(lr=0.02)", "momentum(lr=0.02, momentum=0.9)", "adam(lr=0.2)"],
};

// The experiment: every optimizer from the same start, each step recorded (x, y, loss, state).
TrajectoryResult result = TrajectoryExperiment.Run(config);
foreach (TrajectoryPath path in result.Paths)
    Console.WriteLine($"{path.Optimizer,-32} ends at ({path.X[^1]:F4}, {path.Y[^1]:F4}), loss {path.Loss[^1]:F5}");

// The figures: the contour map with every path as a still, and animated.
string outDir = args.Length > 0 ? args[0] : ".";
Directory.CreateDirectory(outDir);
LandscapeScene scene = TrajectoryOutputs.Scene(result);
LandscapeFigure.Save(scene, Path.Combine(outDir, "paths.png"));
LandscapeAnimation.SaveGif(scene, Path.Combine(outDir, "paths.gif"));
Console.WriteLine($"wrote {Path.Combine(outDir, "paths.png")} and {Path.Combine(outDir, "paths.gif")}");
