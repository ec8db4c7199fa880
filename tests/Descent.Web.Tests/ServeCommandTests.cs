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

    [Theory]
    [InlineData("http")]
    [InlineData("80.5")]
    [InlineData("99999999999999999999")]
    public void Serve_PortNotANumber_ExitsWith2AndOneLine(string port)
    {
        var outcome = CliProcess.Run(["serve", "--port", port]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"descent: --port: must be a whole number from 1 to 65535, got '{port}'.", outcome.Err.Trim());
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public void Serve_PortInUse_ExitsWith2WithOneLineAndNoTrace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var outcome = CliProcess.Run(["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"descent: --port: {port} is in use; choose another port (1024-65535) or stop the other server.", outcome.Err.Trim());
        Assert.Equal("", outcome.Out);
    }
}
