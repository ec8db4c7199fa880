using Descent.Cli.Commands;
using Descent.Cli.Infrastructure;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("descent");
    config.PropagateExceptions();
    config.AddCommand<ListCommand>("list").WithDescription("List optimizers, functions, signals, recipes or datasets.")
        .WithExample("list", "optimizers");
    config.AddCommand<BenchCommand>("bench").WithDescription("Measure optimizer steps per parameter against the machine's copy bandwidth.")
        .WithExample("bench", "--optimizer", "adam", "--params", "100000000");
});
return CliRunner.Run(app, args);
