using System.Net;
using System.Text;
using Descent.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Descent.Web.Tests;

/// <summary>The rules of API.md that keep other web pages off the local server, and the strict request schema.</summary>
public sealed class ApiRequestRulesTests
{
    private const string Quadratic = """{"function":"quadratic","optimizers":["sgd"],"steps":1}""";

    private static StringContent Body(string json, string? contentType)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = null;
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    // ---------- content type ----------

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/plain;charset=UTF-8")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/jsonp")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task Post_NotDeclaredJson_Answers415(string? contentType)
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/trajectory", Body(Quadratic, contentType)), HttpStatusCode.UnsupportedMediaType);

        Assert.Null(error.Argument);
        Assert.StartsWith("The request body must be JSON sent with Content-Type: application/json", error.Message);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON;charset=UTF-8")]
    public async Task Post_DeclaredJson_IsAnswered(string contentType)
    {
        await using var server = await ApiServer.StartAsync();

        var answer = await server.PostAsync("/api/trajectory", Body(Quadratic, contentType));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    // ---------- other web pages ----------

    [Theory]
    [InlineData("http://attacker.example")]
    [InlineData("http://localhost:3000")]
    [InlineData("https://localhost")]
    [InlineData("http://127.0.0.1.attacker.example")]
    [InlineData("null")]
    public async Task Post_FromAnotherOrigin_Answers403(string origin)
    {
        await using var server = await ApiServer.StartAsync();

        var answer = await server.PostAsync("/api/trajectory", Body(Quadratic, "application/json"), ("Origin", origin));
        var error = await ApiServer.ErrorOf(answer, HttpStatusCode.Forbidden);

        Assert.Contains("answers only the playground's own page", error.Message);
    }

    [Theory]
    [InlineData("http://localhost")]
    [InlineData("http://127.0.0.1")]
    public async Task Post_FromTheServersOwnOrigin_IsAnswered(string origin)
    {
        // The test server is http://localhost/ (port 80): its own page's origins are these.
        await using var server = await ApiServer.StartAsync();

        var answer = await server.PostAsync("/api/trajectory", Body(Quadratic, "application/json"), ("Origin", origin), ("Sec-Fetch-Site", "same-origin"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Theory]
    [InlineData("cross-site")]
    [InlineData("same-site")]
    public async Task Request_FetchMetadataFromAnotherSite_Answers403(string site)
    {
        await using var server = await ApiServer.StartAsync();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/functions");
        get.Headers.Add("Sec-Fetch-Site", site);

        await ApiServer.ErrorOf(await server.PostAsync("/api/trajectory", Body(Quadratic, "application/json"), ("Sec-Fetch-Site", site)), HttpStatusCode.Forbidden);
        await ApiServer.ErrorOf(await server.Client.SendAsync(get), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Page_LinkedFromAnotherSite_IsServed()
    {
        await using var server = await ApiServer.StartAsync();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/");
        get.Headers.Add("Sec-Fetch-Site", "cross-site");

        var answer = await server.Client.SendAsync(get);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    // ---------- size ----------

    [Fact]
    public async Task Post_BodyOneByteOverTheLimit_Answers413()
    {
        await using var server = await ApiServer.StartAsync();
        string body = """{"function":"quadratic","x":" """ + new string(' ', RequestJson.MaxBodyBytes) + "\"}";

        var sized = await ApiServer.ErrorOf(await server.PostAsync("/api/landscape", Body(body[..(RequestJson.MaxBodyBytes + 1)], "application/json")), HttpStatusCode.RequestEntityTooLarge);
        var unsized = await ApiServer.ErrorOf(await server.PostAsync("/api/landscape", new UnsizedContent(Encoding.UTF8.GetBytes(body))), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("The request body is larger than the API takes (64 KiB); a request of the page is well under that, see API.md.", sized.Message);
        Assert.Equal(sized, unsized);
    }

    [Fact]
    public async Task Post_BodyAtTheLimit_IsRead()
    {
        await using var server = await ApiServer.StartAsync();
        string head = """{"function":"quadratic","grid":10}""";
        string body = head + new string(' ', RequestJson.MaxBodyBytes - head.Length);

        var answer = await server.PostAsync("/api/landscape", body);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    // ---------- schema ----------

    [Theory]
    [InlineData("""{"function":"quadratic","optimizers":["sgd"],"start":{"x":1}}""", "start.y", "start", """start.y: missing; start is {"x": number, "y": number}.""")]
    [InlineData("""{"function":"quadratic","optimizers":["sgd"],"start":{"x":1,"y":2,"z":3}}""", "start.z", "start", "start.z: unknown field; valid in start: x, y.")]
    [InlineData("""{"function":"quadratic","optimizers":["sgd"],"start":{"x":1,"x":2,"y":3}}""", "start.x", "start", "start.x: given twice; give each field once.")]
    [InlineData("""{"function":"quadratic","optimizers":["sgd"],"start":[1,2]}""", "start", "start", """start: expected an object {"x": number, "y": number}, got a list.""")]
    [InlineData("""{"function":"quadratic","function":"x^2","optimizers":["sgd"]}""", "function", "function", "function: given twice; give each field once.")]
    [InlineData("""{"function":"quadratic","optimiser":["sgd"]}""", "optimiser", null, "optimiser: unknown field; valid: function, optimizers, convention, start, steps.")]
    [InlineData("""{"function":"quadratic","optimizers":["sgd"],"steps":"abc"}""", "steps", "steps", """steps: expected an integer, got "abc".""")]
    [InlineData("""{"function":"quadratic","optimizers":["sgd"],"steps":2.5}""", "steps", "steps", "steps: expected an integer, got 2.5.")]
    [InlineData("""{"function":"quadratic","optimizers":["sgd"],"steps":1e12}""", "steps", "steps", "steps: expected an integer, got 1e12, which is out of range.")]
    [InlineData("""{"function":"quadratic","optimizers":"sgd"}""", "optimizers", "optimizer", """optimizers: expected a list of strings (optimizer specs such as adam(lr=0.25)), got "sgd".""")]
    [InlineData("""{"function":7,"optimizers":["sgd"]}""", "function", "function", "function: expected a string, got 7.")]
    [InlineData("""{"function":"quadratic","optimizers":["sgd"],"convention":true}""", "convention", "convention", "convention: expected a string, got true.")]
    [InlineData("""{"function":"quadratic","optimizers":["sgd"],"start":{"x":"far","y":0}}""", "start.x", "start", """start.x: expected a number, got "far".""")]
    [InlineData("""{"function":"quadratic","optimizers":["sgd"],"\u0007\n":1}""", "\"\\u0007\\n\"", null, "\"\\u0007\\n\": unknown field; valid: function, optimizers, convention, start, steps.")]
    public async Task Trajectory_BodyOutsideTheSchema_Answers400NamingTheField(string body, string field, string? argument, string message)
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/trajectory", body));

        Assert.Equal((field, argument, message), (error.Field, error.Argument, error.Message));
    }

    [Fact]
    public async Task Trajectory_OptimizerOfTheWrongType_NamesItsIndex()
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/trajectory", """{"function":"quadratic","optimizers":["sgd",null]}"""));

        Assert.Equal(("optimizers[1]", "optimizer", 1), (error.Field, error.Argument, error.Index));
        Assert.Equal("optimizers[1]: expected a string (optimizer specs such as adam(lr=0.25)), got null.", error.Message);
    }

    [Theory]
    [InlineData("""{"grid":"fine"}""", "grid: expected an integer, got \"fine\".")]
    [InlineData("""{"grid":150.0,"function":"quadratic","shade":1}""", "shade: unknown field; valid: function, grid.")]
    public async Task Landscape_BodyOutsideTheSchema_Answers400(string body, string message)
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/landscape", body));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Request_NestedDeeperThanTheLimit_Answers400ForTheWholeRequest()
    {
        await using var server = await ApiServer.StartAsync();
        string body = """{"function":"quadratic","extra":""" + new string('[', RequestJson.MaxDepth) + new string(']', RequestJson.MaxDepth) + "}";

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/landscape", body));

        Assert.Null(error.Field);
        Assert.StartsWith("The request must be a JSON object (see API.md): ", error.Message);
        Assert.Contains("depth", error.Message);
    }

    [Fact]
    public async Task Trajectory_StartBeyondADouble_GetsTheLabsMessageForANonFiniteStart()
    {
        await using var server = await ApiServer.StartAsync();

        var error = await ApiServer.ErrorOf(await server.PostAsync("/api/trajectory", """{"function":"quadratic","optimizers":["sgd"],"start":{"x":1e309,"y":0}}"""));

        Assert.Equal(("start", null), (error.Argument, error.Field));
        Assert.StartsWith("The start must be a finite point x,y", error.Message);
    }

    // ---------- echoes ----------

    [Theory]
    [InlineData("convention", """{"function":"quadratic","optimizers":["sgd"],"convention":"VALUE"}""")]
    [InlineData("optimizer", """{"function":"quadratic","optimizers":["adam(lr=VALUE)"]}""")]
    [InlineData("optimizer", """{"function":"quadratic","optimizers":["VALUE"]}""")]
    [InlineData("function", """{"function":"VALUE","optimizers":["sgd"]}""")]
    public async Task Trajectory_LongBadValue_IsEchoedAsAShortPrefix(string argument, string template)
    {
        await using var server = await ApiServer.StartAsync();
        string value = new('q', 60_000);

        var answer = await server.PostAsync("/api/trajectory", template.Replace("VALUE", value, StringComparison.Ordinal));
        string text = await answer.Content.ReadAsStringAsync();
        var error = await ApiServer.ErrorOf(answer);

        Assert.Equal(argument, error.Argument);
        Assert.True(error.Message.Length <= ApiErrors.MaxMessageLength + 1, error.Message);
        Assert.True(text.Length < 2 * ApiErrors.MaxMessageLength, $"{text.Length} characters answered");
    }

    [Fact]
    public async Task Trajectory_ControlCharactersInABadValue_StayEscapedInTheAnswer()
    {
        await using var server = await ApiServer.StartAsync();

        var answer = await server.PostAsync("/api/trajectory", """{"function":"quadratic","optimizers":["sgd"],"convention":"\u001b[31mred\u0007\r\nX"}""");
        string text = await answer.Content.ReadAsStringAsync();
        var error = await ApiServer.ErrorOf(answer);

        Assert.Equal("convention", error.Argument);
        Assert.DoesNotContain(text, char.IsControl);
        Assert.DoesNotContain(error.Message, char.IsControl);
        Assert.Contains("\\u001b[31mred", error.Message);
    }

    // ---------- faults ----------

    [Fact]
    public async Task CatchFaults_FailingHandler_Answers500WithoutTheException()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();

        await ApiMiddleware.CatchFaults(context, _ => throw new InvalidOperationException("secret detail"));

        context.Response.Body.Position = 0;
        string text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        Assert.Equal("""{"error":{"argument":null,"field":null,"message":"The server failed on this request; the terminal running descent serve shows why.","index":null,"position":null,"display":null}}""", text);
    }

    /// <summary>A body sent without Content-Length (chunked), as a client streaming it would.</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnsizedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
