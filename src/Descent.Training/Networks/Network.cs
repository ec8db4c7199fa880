using Descent.Training.Datasets;

namespace Descent.Training.Networks;

/// <summary>
/// A feed-forward stack of <see cref="Layer"/>s ending in class scores (logits) for softmax
/// cross-entropy. All parameters live in one flat <see cref="Parameters"/> buffer and all gradients in
/// <see cref="Gradients"/>, laid out layer after layer, so an <see cref="Optimizer{T}"/> steps the whole
/// network in one pass: <c>optimizer.Step(network.Parameters, network.Gradients)</c>.
/// </summary>
public sealed class Network
{
    private readonly Layer[] _layers;
    private float[][] _outputs = [];
    private float[] _gradientA = [], _gradientB = [];
    private int _capacity;

    /// <summary>Builds the stack for samples of <paramref name="inputShape"/>, giving each layer its slice of the flat buffers.</summary>
    public Network(string name, Shape inputShape, IEnumerable<Layer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        Name = name;
        InputShape = inputShape;
        _layers = [.. layers];
        if (_layers.Length == 0) throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        var shape = inputShape;
        long offset = 0;
        foreach (var layer in _layers)
        {
            layer.Build(shape);
            layer.ParameterOffset = (int)Math.Min(offset, int.MaxValue);
            try { offset += layer.ParameterCount; }
            catch (OverflowException e) { throw TooLarge(e); }
            if (offset > Array.MaxLength) throw TooLarge(null);
            shape = layer.OutputShape;
        }
        OutputShape = shape;
        Parameters = new float[offset];
        Gradients = new float[offset];

        ArgumentException TooLarge(Exception? inner) =>
            new($"The network has more parameters than one buffer holds ({Array.MaxLength:N0}); see ModelSize to check a model before building it.", nameof(layers), inner);
    }

    /// <summary>The model's name (<c>mlp</c>…).</summary>
    public string Name { get; }

    /// <summary>Shape of one input sample.</summary>
    public Shape InputShape { get; }

    /// <summary>Shape of the output (one score per class).</summary>
    public Shape OutputShape { get; }

    /// <summary>Number of classes (the size of the output).</summary>
    public int ClassCount => OutputShape.Size;

    /// <summary>The layers, first to last.</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>Every parameter of every layer, in layer order.</summary>
    public float[] Parameters { get; }

    /// <summary>∂loss/∂<see cref="Parameters"/> after <see cref="ComputeGradients"/>, same layout.</summary>
    public float[] Gradients { get; }

    /// <summary>Number of trainable parameters.</summary>
    public int ParameterCount => Parameters.Length;

    /// <summary>A one-line description: <c>mlp: 784 → dense(784→256) → relu … (203,530 parameters)</c>.</summary>
    public string Describe() => $"{Name}: {InputShape} → {string.Join(" → ", _layers.Select(l => l.ToString()))} ({ParameterCount:N0} parameters)";

    /// <summary>Draws every layer's initial parameters (and resets dropout streams) from <paramref name="seed"/>; same seed, same bits.</summary>
    public void Initialize(ulong seed)
    {
        var random = new DeterministicRandom(seed);
        foreach (var layer in _layers) layer.Initialize(Parameters.AsSpan(layer.ParameterOffset, layer.ParameterCount), random);
    }

    /// <summary>The logits (batch × classes) for <paramref name="inputs"/> (batch × input size); valid until the next call.</summary>
    public ReadOnlySpan<float> Forward(ReadOnlySpan<float> inputs, int batch, bool training = false)
    {
        CheckBatch(inputs, batch);
        Ensure(batch);
        ReadOnlySpan<float> x = inputs;
        for (int i = 0; i < _layers.Length; i++)
        {
            var layer = _layers[i];
            var y = _outputs[i].AsSpan(0, batch * layer.OutputShape.Size);
            layer.Forward(Parameters.AsSpan(layer.ParameterOffset, layer.ParameterCount), x, y, batch, training);
            x = y;
        }
        return x;
    }

    /// <summary>
    /// One training forward and backward pass on a batch: returns the mean softmax cross-entropy and
    /// leaves ∂loss/∂parameters in <see cref="Gradients"/> (overwritten, not accumulated).
    /// </summary>
    public double ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<byte> labels, int batch)
    {
        if (labels.Length < batch) throw new ArgumentException($"Need {batch} labels, got {labels.Length}.", nameof(labels));
        var logits = Forward(inputs, batch, training: true);
        Span<float> dy = _gradientA.AsSpan(0, batch * ClassCount);
        double loss = SoftmaxCrossEntropy.Compute(logits, labels, batch, ClassCount, dy);
        bool inA = true;
        // Below the first layer with parameters no gradient is wanted, nor for that layer's input: stopping there saves the
        // input gradient of an MLP's first dense layer (behind a flatten), a product as costly as the layer's forward.
        int first = Array.FindIndex(_layers, l => l.ParameterCount > 0);
        if (first < 0) first = _layers.Length;
        for (int i = _layers.Length - 1; i >= first; i--)
        {
            var layer = _layers[i];
            ReadOnlySpan<float> x = i == 0 ? inputs[..(batch * InputShape.Size)] : _outputs[i - 1].AsSpan(0, batch * layer.InputShape.Size);
            Span<float> dx = i == first ? [] : (inA ? _gradientB : _gradientA).AsSpan(0, batch * layer.InputShape.Size);
            layer.Backward(Parameters.AsSpan(layer.ParameterOffset, layer.ParameterCount), x, _outputs[i].AsSpan(0, batch * layer.OutputShape.Size),
                dy, Gradients.AsSpan(layer.ParameterOffset, layer.ParameterCount), dx, batch);
            dy = dx;
            inA = !inA;
        }
        return loss;
    }

    /// <summary>Mean loss and accuracy (fraction correct) on <paramref name="data"/>, in batches, without dropout.</summary>
    public (double Loss, double Accuracy) Evaluate(DataSplit data, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (data.SampleSize != InputShape.Size)
            throw new ArgumentException($"Samples have {data.SampleSize} values, the network takes {InputShape.Size}.", nameof(data));
        if (data.Count == 0) return (double.NaN, double.NaN);
        double lossSum = 0;
        int correct = 0;
        for (int start = 0; start < data.Count; start += batchSize)
        {
            int batch = Math.Min(batchSize, data.Count - start);
            var logits = Forward(data.Images.AsSpan(start * data.SampleSize, batch * data.SampleSize), batch);
            var labels = data.Labels.AsSpan(start, batch);
            lossSum += SoftmaxCrossEntropy.Compute(logits, labels, batch, ClassCount, []) * batch;
            for (int s = 0; s < batch; s++)
                if (SoftmaxCrossEntropy.ArgMax(logits.Slice(s * ClassCount, ClassCount)) == labels[s]) correct++;
        }
        return (lossSum / data.Count, (double)correct / data.Count);
    }

    private void CheckBatch(ReadOnlySpan<float> inputs, int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        if (inputs.Length < batch * InputShape.Size)
            throw new ArgumentException($"A batch of {batch} needs {batch * InputShape.Size} input values, got {inputs.Length}.", nameof(inputs));
    }

    private void Ensure(int batch)
    {
        if (batch <= _capacity) return;
        _capacity = batch;
        _outputs = [.. _layers.Select(l => new float[batch * l.OutputShape.Size])];
        int widest = _layers.Max(l => Math.Max(l.InputShape.Size, l.OutputShape.Size));
        _gradientA = new float[batch * widest];
        _gradientB = new float[batch * widest];
    }
}
