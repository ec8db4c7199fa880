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
});
return CliRunner.Run(app, args);
