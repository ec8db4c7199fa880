namespace Descent.Web.Tests;

public sealed class PageTests
{
    [Fact]
    public async Task Root_Get_ServesThePageWithAPolicyAgainstOutsideContent()
    {
        await using var server = await ApiServer.StartAsync();

        var answer = await server.Client.GetAsync("/");

        answer.EnsureSuccessStatusCode();
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", answer.Headers.GetValues("Content-Security-Policy").Single());
        string html = await answer.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\" src=\"app.js\">", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
    }

    [Theory]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/charts.js", "text/javascript")]
    [InlineData("/contour.js", "text/javascript")]
    [InlineData("/cards.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    public async Task Asset_Get_IsServedFromTheAssembly(string path, string type)
    {
        await using var server = await ApiServer.StartAsync();

        var answer = await server.Client.GetAsync(path);

        answer.EnsureSuccessStatusCode();
        Assert.Equal(type, answer.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("https://", await answer.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/app.js")]
    [InlineData("/cards.js")]
    public async Task Script_Get_HoldsNoSpecParserAndNoCopyOfTheLecturesSuite(string path)
    {
        await using var server = await ApiServer.StartAsync();

        string script = await server.Client.GetStringAsync(path);

        // Specs are read by POST /api/spec and the suite comes from GET /api/defaults (the recipe).
        Assert.DoesNotContain("adadelta(lr=100)", script);
        Assert.DoesNotContain("beta1=0.975", script);
        Assert.DoesNotContain("parseSpec", script);
        Assert.DoesNotContain("indexOf('=')", script);
    }

    [Fact]
    public async Task Request_ForeignHostName_IsRefused()
    {
        await using var server = await ApiServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/functions");
        request.Headers.Host = "attacker.example";

        var answer = await server.Client.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, answer.StatusCode);
    }
}
