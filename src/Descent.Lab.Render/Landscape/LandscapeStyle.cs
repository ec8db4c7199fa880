namespace Descent.Lab.Render.Landscape;

/// <summary>Colors and sizes shared by the ScottPlot picture and the SkiaSharp frames.</summary>
internal static class LandscapeStyle
{
    // matplotlib's tab10, the colors of the lecture's animations, in the same order.
    private static readonly string[] PathHex =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    public static ScottPlot.Color PathColor(int index) => ScottPlot.Color.FromHex(PathHex[index % PathHex.Length]);

    public const float PathWidth = 2.4f;
    public const float HaloWidth = 5.5f;
    public const float CurrentMarkerSize = 11f;
    public const float StartMarkerSize = 13f;
    public const float MinimumMarkerSize = 12f;
    public const float MinimumLineWidth = 2.5f;
    public const float MinimumHaloWidth = 5.5f;
    public const float LocalMinimumScale = 0.8f;
    public const float StartLineWidth = 2f;
    public const float LegendFontSize = 13f;
    public const float LabelFontSize = 10.5f;
    public const string FontName = "DejaVu Sans";

    public static readonly ScottPlot.Color Halo = ScottPlot.Colors.White.WithAlpha(0.75);
    public static readonly ScottPlot.Color StartColor = ScottPlot.Colors.Black;
    public static readonly ScottPlot.Color GlobalMinimumColor = ScottPlot.Colors.Black;
    public static readonly ScottPlot.Color LocalMinimumColor = ScottPlot.Color.FromHex("#666666");
}
