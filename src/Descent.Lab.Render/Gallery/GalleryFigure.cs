namespace Descent.Lab.Render.Gallery;

/// <summary>
/// One figure on the gallery page: the picture (and an animation, if any), what to see in it, the
/// optimizer specs and convention that drew it, and the data files behind it. Paths are relative to
/// the gallery folder.
/// </summary>
public sealed record GalleryFigure(string Name, string Title, string Caption, string Image)
{
    /// <summary>An animated version (GIF), shown instead of the still when present.</summary>
    public string? Animation { get; init; }

    /// <summary>The optimizer specs, as run.</summary>
    public IReadOnlyList<string> Optimizers { get; init; } = [];

    /// <summary>The convention, as written on the command line.</summary>
    public string Convention { get; init; } = "";

    /// <summary>Data files (CSV, JSON) behind the figure.</summary>
    public IReadOnlyList<string> Data { get; init; } = [];
}
