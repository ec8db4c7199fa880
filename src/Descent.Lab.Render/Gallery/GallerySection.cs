namespace Descent.Lab.Render.Gallery;

/// <summary>A section of the gallery page, in the lecture's order.</summary>
public sealed record GallerySection(string Id, string Title, string Introduction, IReadOnlyList<GalleryFigure> Figures);
