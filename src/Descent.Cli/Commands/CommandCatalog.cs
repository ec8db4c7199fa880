using Descent.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace Descent.Cli.Commands;

/// <summary>The commands of <c>descent</c>: registered with the parser and known to the argument check from one list.</summary>
public static class CommandCatalog
{
    /// <summary>Each command's syntax, in the order the help lists them.</summary>
    public static IReadOnlyList<CommandSyntax> All { get; } =
    [
        CommandSyntax.For<ListCommand>("list"),
        CommandSyntax.For<ResponseCommand>("response"),
        CommandSyntax.For<TrajectoryCommand>("trajectory"),
        CommandSyntax.For<TrainCommand>("train"),
        CommandSyntax.For<ReportCommand>("report"),
        CommandSyntax.For<BenchCommand>("bench"),
        CommandSyntax.For<SweepCommand>("sweep"),
        CommandSyntax.For<ServeCommand>("serve"),
    ];

    /// <summary>Registers every command of <see cref="All"/> with <paramref name="config"/>.</summary>
    public static void Configure(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.SetApplicationName("descent");
        config.PropagateExceptions();
        config.AddCommand<ListCommand>("list").WithDescription("List optimizers, functions, signals, recipes or datasets.")
            .WithExample("list", "optimizers");
        config.AddCommand<ResponseCommand>("response").WithDescription("Feed a gradient signal to optimizers and record each update (the lecture's response figures).")
            .WithExample("response", "--signal", "rectangles", "--optimizer", "adam(lr=0.25,beta1=0.9,beta2=0.999,eps=1e-7)", "--convention", "lecture", "--format", "csv")
            .WithExample("response", "--recipe", "lecture", "--out", "figures/response");
        config.AddCommand<TrajectoryCommand>("trajectory").WithDescription("Optimizer paths on a 2-D landscape, classic function or typed formula: data, picture, GIF, MP4.")
            .WithExample("trajectory", "--function", "hills-and-canyon", "--optimizer", "adam(lr=0.25)", "--optimizer", "rmsprop(lr=0.25)", "--convention", "lasagne", "--gif", "hills.gif")
            .WithExample("trajectory", "--function", "x^2 + 10*y^2", "--optimizer", "momentum(lr=0.01)", "--png", "bowl.png");
        config.AddCommand<TrainCommand>("train").WithDescription("Train a model on real data with each optimizer, fairly, and record the learning histories.")
            .WithExample("train", "--dataset", "mnist", "--model", "mlp", "--optimizer", "adam(lr=0.001)", "--epochs", "3", "--seed", "1")
            .WithExample("train", "--recipe", "lecture-history", "--out", "figures/training");
        config.AddCommand<ReportCommand>("report").WithDescription("Run every recipe into a gallery folder with an index.html that works offline.")
            .WithExample("report", "--out", "gallery");
        config.AddCommand<BenchCommand>("bench").WithDescription("Measure optimizer steps per parameter against the machine's copy bandwidth.")
            .WithExample("bench", "--optimizer", "adam", "--params", "100000000");
        config.AddCommand<SweepCommand>("sweep").WithDescription("Sweep optimizers' grids (lr=[[1e-4..1:17log]]) on a landscape or in training: how forgiving is each rule? 'sweep merge DIR... --out DIR' joins shards.")
            .WithExample("sweep", "--function", "hills-and-canyon", "--convention", "lasagne", "--optimizer", "adam(lr=[0.01..1:9log])", "--steps", "125", "--target", "1.0")
            .WithExample("sweep", "merge", "out/0", "out/1", "out/2", "--out", "merged");
        config.AddCommand<ServeCommand>("serve").WithDescription("Open the playground on http://127.0.0.1:N/: animated paths on landscapes and the gradient-response lab.")
            .WithExample("serve", "--port", "5217");
    }
}
