using System.Net;
using System.Net.Sockets;

namespace Descent.Web.Tests;

public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    public void Serve_PortOutOfRange_ExitsWith2AndOneLine(string port)
    {
        var outcome = CliProcess.Run(["serve", "--port", port]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"descent: --port: must be between 1 and 65535, got {port}.", outcome.Err.Trim());
    }

    [Fact]
    public void Serve_PortNotANumber_ExitsWith2()
    {
        var outcome = CliProcess.Run(["serve", "--port", "http"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Single(outcome.Err.Trim().Split('\n'));
        Assert.StartsWith("descent: ", outcome.Err);
    }

    [Fact]
    public void Serve_PortInUse_ExitsWith2NamingThePort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var outcome = CliProcess.Run(["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"descent: --port: cannot listen on 127.0.0.1:{port}", outcome.Err.Trim());
        Assert.Single(outcome.Err.Trim().Split('\n'));
    }
}
