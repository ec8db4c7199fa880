namespace Descent.Training.Datasets;

/// <summary>
/// Samples with labels: <see cref="Images"/> holds <see cref="Count"/> samples of <see cref="SampleSize"/>
/// values each (scaled to [0, 1]), one after another; <see cref="Labels"/> holds their classes.
/// </summary>
public sealed class DataSplit
{
    /// <summary>Wraps the arrays; they must agree on the sample count.</summary>
    public DataSplit(float[] images, byte[] labels, int sampleSize)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleSize);
        if (images.Length != labels.Length * sampleSize)
            throw new ArgumentException($"{labels.Length} labels need {labels.Length * sampleSize} image values, got {images.Length}.", nameof(images));
        Images = images;
        Labels = labels;
        SampleSize = sampleSize;
    }

    /// <summary>All samples, sample after sample.</summary>
    public float[] Images { get; }

    /// <summary>The class of each sample.</summary>
    public byte[] Labels { get; }

    /// <summary>Values per sample.</summary>
    public int SampleSize { get; }

    /// <summary>Number of samples.</summary>
    public int Count => Labels.Length;

    /// <summary>Number of samples of each class 0..<paramref name="classes"/>−1.</summary>
    public int[] ClassCounts(int classes)
    {
        var counts = new int[classes];
        foreach (byte label in Labels) counts[label]++;
        return counts;
    }
}
