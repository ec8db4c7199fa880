using Descent.Training.Networks;

namespace Descent.Training.Datasets;

/// <summary>A classification dataset with its fixed train/test split; images standardized (see <see cref="PixelMean"/>).</summary>
public sealed record Dataset(string Name, Shape SampleShape, int ClassCount, DataSplit Train, DataSplit Test)
{
    /// <summary>Where the data came from (bundled name or directory).</summary>
    public string Source { get; init; } = Name;

    /// <summary>Mean of the training pixels after scaling to [0, 1]; subtracted from every pixel.</summary>
    public double PixelMean { get; init; }

    /// <summary>Standard deviation of the training pixels after scaling to [0, 1]; every pixel is divided by it.</summary>
    public double PixelDeviation { get; init; } = 1;
}
