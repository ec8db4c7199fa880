namespace Descent.Training.Networks;

/// <summary>
/// How big a model is, counted in 64-bit arithmetic before anything is allocated: a network keeps its parameters
/// in one flat buffer of at most <see cref="Array.MaxLength"/> values, and a batch's activations in buffers of
/// batch × layer size values, so sizes that overflow 32 bits (<c>--hidden 65536,65536,65536</c>) are found here
/// rather than as a failed allocation deep inside a GEMM.
/// </summary>
public sealed record ModelSize
{
    /// <summary>The model's name (<c>mlp</c>…).</summary>
    public required string Model { get; init; }

    /// <summary>Trainable parameters: the length of <see cref="Network.Parameters"/>.</summary>
    public required long Parameters { get; init; }

    /// <summary>The largest number of values one sample has at any layer's input or output.</summary>
    public required long WidestPerSample { get; init; }

    /// <summary>
    /// Values a training step keeps per sample of a batch: every layer's output, the two gradient buffers of the
    /// backward pass (each as wide as the widest layer), and a convolution's unrolled patches and their gradient.
    /// </summary>
    public required long ValuesPerSample { get; init; }

    /// <summary>True when the parameters fit one buffer and one sample fits a 32-bit index.</summary>
    public bool FitsOneBuffer => Parameters <= Array.MaxLength && WidestPerSample <= Array.MaxLength;

    /// <summary>
    /// Bytes a training run of <paramref name="batch"/> samples per step needs beyond its data: parameters and
    /// gradients, <paramref name="buffersPerParameter"/> more parameter-sized buffers (optimizer state, look-ahead
    /// copies), and one batch of activations. An estimate for refusing what cannot fit, not an exact account.
    /// </summary>
    public long TrainingBytes(int batch, int buffersPerParameter)
    {
        double values = (double)Parameters * (2 + Math.Max(0, buffersPerParameter)) + (double)Math.Max(1, batch) * ValuesPerSample;
        double bytes = values * sizeof(float);
        return bytes >= long.MaxValue ? long.MaxValue : (long)bytes;
    }

    /// <summary>A short description, e.g. <c>mlp with 8,640,589,834 parameters</c>.</summary>
    public string Describe() => $"{Model} with {Parameters:N0} parameters";

    /// <summary>
    /// The size of the model <paramref name="spec"/> builds for samples of <paramref name="input"/> and
    /// <paramref name="classes"/> classes; the same errors as <see cref="ModelCatalog.Create(ModelSpec, Shape, int)"/>
    /// for an unknown model or a layer that cannot take its input, but nothing large is allocated.
    /// </summary>
    public static ModelSize Of(ModelSpec spec, Shape input, int classes)
    {
        var layers = ModelCatalog.Layers(spec, classes);
        long parameters = 0, perSample = 0, widest = Size(input);
        var shape = input;
        foreach (var layer in layers)
        {
            long inputSize = Size(shape);
            // Beyond this the layer's own 32-bit shape arithmetic would wrap: stop counting, the model is too large anyway.
            if (inputSize > Array.MaxLength)
            {
                widest = Math.Max(widest, inputSize);
                break;
            }
            layer.Build(shape);
            var output = layer.OutputShape;
            long outputSize = Size(output);
            long count = layer switch
            {
                Dense d => (inputSize + 1) * d.Outputs,
                Conv2D c => c.OutputChannels * ((long)shape.Channels * c.Kernel * c.Kernel + 1),
                _ => layer.ParameterCount,
            };
            // Each count is below 2^63 (two factors below 2^31); their sum saturates instead of wrapping.
            parameters = count > long.MaxValue - parameters ? long.MaxValue : parameters + count;
            if (layer is Conv2D conv)
                perSample += 2L * shape.Channels * conv.Kernel * conv.Kernel * output.Height * output.Width;
            perSample += outputSize;
            widest = Math.Max(widest, outputSize);
            shape = output;
        }
        return new ModelSize
        {
            Model = spec.Name.Trim().ToLowerInvariant(),
            Parameters = parameters,
            WidestPerSample = widest,
            ValuesPerSample = perSample + 2 * widest,
        };
    }

    private static long Size(Shape shape) => (long)shape.Channels * shape.Height * shape.Width;
}
