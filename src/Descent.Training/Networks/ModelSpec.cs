using System.Globalization;

namespace Descent.Training.Networks;

/// <summary>
/// Which model to build: one of <see cref="ModelCatalog.Names"/> with its options. Hidden sizes apply to
/// <c>mlp</c> (<c>1000,1000</c> is the MLP of Kingma &amp; Ba's Figure 2); the activation and dropout apply to
/// <c>mlp</c> and <c>cnn</c>.
/// </summary>
public sealed record ModelSpec(string Name)
{
    /// <summary>The most hidden layers an <c>mlp</c> may have.</summary>
    public const int MaxHiddenLayers = 100;

    /// <summary>Hidden layer widths of <c>mlp</c>; default 256, 256 (the 784-256-256-10 speed benchmark). Their sizes are bounded by memory (<see cref="ModelSize"/>).</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [256, 256];

    /// <summary><c>relu</c> (He initialization) or <c>tanh</c> (Glorot initialization).</summary>
    public string Activation { get; init; } = "relu";

    /// <summary>Dropout probability after each hidden activation; 0 adds no dropout layer.</summary>
    public double Dropout { get; init; }

    /// <summary>Parses hidden sizes written as <c>1000,1000</c>; the error names the bad entry.</summary>
    public static IReadOnlyList<int> ParseHidden(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sizes = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int size) || size <= 0)
                throw new ArgumentException($"Hidden sizes must be positive integers separated by commas (e.g. 1000,1000); '{part}' is not.", nameof(text));
            sizes.Add(size);
        }
        return sizes;
    }

    /// <summary>Builds the (uninitialized) network for samples of <paramref name="input"/> and <paramref name="classes"/> classes.</summary>
    public Network Create(Shape input, int classes) => ModelCatalog.Create(this, input, classes);
}
