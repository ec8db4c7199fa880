using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Descent.Web;

/// <summary>
/// Serves the page: plain HTML, CSS and JavaScript embedded in this assembly (wwwroot/), no build step,
/// and a content security policy that lets it load nothing from anywhere but this server.
/// </summary>
public static class PlaygroundPage
{
    /// <summary>The embedded files of the page.</summary>
    public static IFileProvider Files { get; } = new EmbeddedFileProvider(typeof(PlaygroundPage).Assembly, "Descent.Web.wwwroot");

    /// <summary>Adds the page's middleware to <paramref name="app"/>.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = Files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = Files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            // A local page that changes with the build: always revalidate.
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });
    }
}
