using Descent.Cli.Commands;
using Descent.Cli.Infrastructure;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(CommandCatalog.Configure);
return CliRunner.Run(app, args, CommandCatalog.All);
