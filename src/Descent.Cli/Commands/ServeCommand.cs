using System.ComponentModel;
using System.Net.Sockets;
using Descent.Cli.Infrastructure;
using Descent.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent serve [--port N]</c>: the interactive playground on http://127.0.0.1:N/ (landscapes with animated
/// optimizer paths, and the gradient-response lab) until Ctrl+C.
/// </summary>
public sealed class ServeCommand : Command<ServeCommand.Settings>
{
    /// <summary>Options of <c>descent serve</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The port on 127.0.0.1.</summary>
        [CommandOption("--port <N>")]
        [Description("port on 127.0.0.1 (default 5217)")]
        [ValidRange(1, 65535)]
        public int Port { get; init; } = DescentWeb.DefaultPort;
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Port is < 1 or > 65535)
            throw new UsageException("--port", $"must be between 1 and 65535, got {settings.Port}.");
        var app = DescentWeb.Build([], settings.Port);
        try
        {
            app.StartAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException("--port", $"cannot listen on 127.0.0.1:{settings.Port} ({e.Message.TrimEnd('.')}); choose another with --port N.");
        }
        Terminal.Note($"Descent playground on {DescentWeb.Address(app)} (Ctrl+C stops it)");
        app.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return 0;
    }
}
