using System.ComponentModel;
using System.Globalization;
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
    /// <summary>The ports a user can listen on without administrator rights, suggested when a port cannot be used.</summary>
    private const string UserPorts = "1024-65535";

    /// <summary>Options of <c>descent serve</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The port on 127.0.0.1, as typed: read by <see cref="ParsePort"/> so that a bad one gets the CLI's one-line message.</summary>
        [CommandOption("--port <N>")]
        [Description("port on 127.0.0.1 (default 5217)")]
        public string? Port { get; init; }
    }

    /// <summary>The port <paramref name="text"/> names; <see cref="DescentWeb.DefaultPort"/> when null.</summary>
    /// <exception cref="UsageException"><c>--port</c>: not a whole number from 1 to 65535.</exception>
    public static int ParsePort(string? text)
    {
        if (text is null) return DescentWeb.DefaultPort;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out long port))
            throw new UsageException("--port", $"must be a whole number from 1 to 65535, got '{Descent.Specs.OptimizerSpec.Quote(text)}'.");
        if (port is < 1 or > 65535)
            throw new UsageException("--port", $"must be between 1 and 65535, got {port}.");
        return (int)port;
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        int port = ParsePort(settings.Port);
        var app = DescentWeb.Build([], port);
        try
        {
            app.StartAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (IOException e) when (FindSocketError(e) is { } error)
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new UsageException("--port", error switch
            {
                SocketError.AddressAlreadyInUse => $"{port} is in use; choose another port ({UserPorts}) or stop the other server.",
                SocketError.AccessDenied => $"{port} needs administrator rights; choose a port from {UserPorts}.",
                _ => $"cannot listen on 127.0.0.1:{port} ({error}); choose another port ({UserPorts}).",
            });
        }
        Terminal.Note($"Descent playground on {DescentWeb.Address(app)} (Ctrl+C stops it)");
        app.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
        app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return 0;
    }

    private static SocketError? FindSocketError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is SocketException s) return s.SocketErrorCode;
        return null;
    }
}
