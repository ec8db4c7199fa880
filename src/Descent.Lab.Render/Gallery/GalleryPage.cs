using System.Net;
using System.Text;
using Descent.Lab.Render.Files;

namespace Descent.Lab.Render.Gallery;

/// <summary>
/// Writes the gallery's <c>index.html</c>: one self-contained page (inline CSS, no scripts, nothing
/// fetched) that works when opened straight from the file system.
/// </summary>
public static class GalleryPage
{
    /// <summary>Writes <c>index.html</c> into <paramref name="dir"/>.</summary>
    public static void Write(string dir, string title, string introduction, IReadOnlyList<GallerySection> sections)
    {
        AtomicFile.WriteText(Path.Combine(dir, "index.html"), w => w.Write(Render(title, introduction, sections)));
    }

    /// <summary>The page's HTML.</summary>
    public static string Render(string title, string introduction, IReadOnlyList<GallerySection> sections)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        static string U(string path) => string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}}</title>
            <style>
            body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 0; color: #1d2330; background: #fafbfc; line-height: 1.45; }
            header { background: #1d2330; color: #fff; padding: 1.5rem 2rem; }
            header p { max-width: 60rem; color: #cdd3de; }
            nav { padding: .75rem 2rem; background: #eef1f5; position: sticky; top: 0; z-index: 1; }
            nav a { margin-right: 1.2rem; color: #1d4ed8; text-decoration: none; }
            section { padding: 1rem 2rem 2rem; }
            section > p { max-width: 60rem; }
            .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(30rem, 1fr)); gap: 1.5rem; }
            figure { margin: 0; background: #fff; border: 1px solid #dde2ea; border-radius: 6px; padding: .75rem; }
            figure img { width: 100%; height: auto; display: block; }
            figcaption h3 { font-size: 1rem; margin: .5rem 0 .25rem; }
            figcaption p { margin: .25rem 0; }
            .specs { font-family: "DejaVu Sans Mono", monospace; font-size: .8rem; color: #4b5565; }
            .data a { font-size: .85rem; margin-right: .75rem; }
            </style>
            </head>
            <body>
            <header><h1>{{E(title)}}</h1><p>{{E(introduction)}}</p></header>
            <nav>
            """);
        foreach (var s in sections) html.Append($"<a href=\"#{E(s.Id)}\">{E(s.Title)}</a>");
        html.Append("</nav>\n");
        foreach (var s in sections)
        {
            html.Append($"<section id=\"{E(s.Id)}\">\n<h2>{E(s.Title)}</h2>\n<p>{E(s.Introduction)}</p>\n<div class=\"grid\">\n");
            foreach (var f in s.Figures)
            {
                string picture = f.Animation ?? f.Image;
                html.Append($"<figure id=\"{E(f.Name)}\">\n<a href=\"{U(f.Image)}\"><img src=\"{U(picture)}\" alt=\"{E(f.Title)}\" loading=\"lazy\"></a>\n<figcaption>\n<h3>{E(f.Title)}</h3>\n<p>{E(f.Caption)}</p>\n");
                if (f.Optimizers.Count > 0)
                    html.Append($"<p class=\"specs\">{E(f.Convention)} convention: {string.Join("; ", f.Optimizers.Select(E))}</p>\n");
                if (f.Data.Count > 0 || f.Animation is not null)
                {
                    html.Append("<p class=\"data\">");
                    if (f.Animation is not null) html.Append($"<a href=\"{U(f.Image)}\">still</a>");
                    foreach (string d in f.Data) html.Append($"<a href=\"{U(d)}\">{E(Path.GetFileName(d))}</a>");
                    html.Append("</p>\n");
                }
                html.Append("</figcaption>\n</figure>\n");
            }
            html.Append("</div>\n</section>\n");
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
