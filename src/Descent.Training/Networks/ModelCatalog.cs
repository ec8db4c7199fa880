namespace Descent.Training.Networks;

/// <summary>The models Descent can train, by name: <c>logreg</c>, <c>mlp</c>, <c>cnn</c>.</summary>
public static class ModelCatalog
{
    /// <summary>Every model name with a one-line description, in the order <c>descent list</c> shows them.</summary>
    public static IReadOnlyList<(string Name, string Summary)> Entries { get; } =
    [
        ("logreg", "multinomial logistic regression: flatten → dense(classes), Glorot init"),
        ("mlp", "multilayer perceptron: dense layers of the hidden sizes (default 256,256) with ReLU (He init) or tanh, optional dropout"),
        ("cnn", "small conv net: conv3×3(8) → act → maxpool2 → conv3×3(16) → act → maxpool2 → flatten → dense(classes)"),
    ];

    /// <summary>The valid model names.</summary>
    public static IEnumerable<string> Names => Entries.Select(e => e.Name);

    /// <summary>Builds the model <paramref name="name"/> with default options.</summary>
    public static Network Create(string name, Shape input, int classes) => Create(new ModelSpec(name), input, classes);

    /// <summary>
    /// Builds the model <paramref name="spec"/> names; an unknown name is an <see cref="ArgumentException"/> listing the
    /// valid ones, and so is a model larger than one flat buffer can hold (see <see cref="ModelSize"/>), before anything
    /// is allocated.
    /// </summary>
    public static Network Create(ModelSpec spec, Shape input, int classes)
    {
        var size = ModelSize.Of(spec, input, classes);
        if (!size.FitsOneBuffer)
            throw new ArgumentException($"{size.Describe()}: more than the limit of {Array.MaxLength:N0} values in one buffer.", nameof(spec));
        return new Network(spec.Name.Trim().ToLowerInvariant(), input, Layers(spec, classes));
    }

    /// <summary>The layers of <paramref name="spec"/>, not yet built (no shapes, nothing allocated).</summary>
    internal static List<Layer> Layers(ModelSpec spec, int classes)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        string name = spec.Name.Trim().ToLowerInvariant();
        var (activation, init) = spec.Activation.Trim().ToLowerInvariant() switch
        {
            "relu" => ((Func<Layer>)(() => new Relu()), Initialization.He),
            "tanh" => (() => new Tanh(), Initialization.Glorot),
            _ => throw new ArgumentException($"Unknown activation '{spec.Activation}'; valid: relu, tanh.", nameof(spec)),
        };
        var layers = new List<Layer>();
        void Hidden()
        {
            layers.Add(activation());
            if (spec.Dropout > 0) layers.Add(new Dropout(spec.Dropout));
        }
        switch (name)
        {
            case "logreg":
                layers.Add(new Flatten());
                layers.Add(new Dense(classes, Initialization.Glorot));
                break;
            case "mlp":
                if (spec.Hidden.Count == 0 || spec.Hidden.Any(h => h <= 0))
                    throw new ArgumentException("mlp needs one or more positive hidden sizes (e.g. 256,256).", nameof(spec));
                layers.Add(new Flatten());
                foreach (int width in spec.Hidden)
                {
                    layers.Add(new Dense(width, init));
                    Hidden();
                }
                layers.Add(new Dense(classes, Initialization.Glorot));
                break;
            case "cnn":
                layers.Add(new Conv2D(8, initialization: init));
                Hidden();
                layers.Add(new MaxPool2D());
                layers.Add(new Conv2D(16, initialization: init));
                Hidden();
                layers.Add(new MaxPool2D());
                layers.Add(new Flatten());
                layers.Add(new Dense(classes, Initialization.Glorot));
                break;
            default:
                throw new ArgumentException($"Unknown model '{spec.Name}'; valid: {string.Join(", ", Names)}.", nameof(spec));
        }
        return layers;
    }
}
