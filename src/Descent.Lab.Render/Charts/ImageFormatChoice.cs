namespace Descent.Lab.Render.Charts;

/// <summary>The picture formats a figure can be saved in, chosen by the file extension.</summary>
public enum ImageFormatChoice
{
    /// <summary>Portable Network Graphics.</summary>
    Png,

    /// <summary>Scalable Vector Graphics.</summary>
    Svg,
}
