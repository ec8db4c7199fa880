namespace Descent.Training.Networks;

/// <summary>
/// Inverted dropout: in training each value is kept with probability 1 − p and scaled by 1/(1 − p),
/// so inference is the identity. Masks come from the layer's own stream, seeded by
/// <see cref="Network.Initialize"/>, so runs with the same seed drop the same units.
/// </summary>
public sealed class Dropout(double probability) : Layer
{
    private DeterministicRandom _random = new(0);
    private float[] _mask = [];

    /// <summary>The probability p of dropping a value.</summary>
    public double Probability { get; } = probability is >= 0 and < 1 ? probability : throw new ArgumentOutOfRangeException(nameof(probability), "Dropout probability must be in [0, 1).");

    /// <summary>For gradient checks: reuse the last mask instead of drawing a new one.</summary>
    internal bool FreezeMask { get; set; }

    /// <inheritdoc />
    public override string Kind => "dropout";

    /// <inheritdoc />
    protected override Shape OutputShapeFor(Shape input) => input;

    /// <inheritdoc />
    public override void Initialize(Span<float> parameters, DeterministicRandom random) => _random = new DeterministicRandom(random.NextUInt64());

    /// <inheritdoc />
    public override void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int batch, bool training)
    {
        int count = batch * InputShape.Size;
        if (!training || Probability == 0)
        {
            input[..count].CopyTo(output);
            return;
        }
        if (!FreezeMask || _mask.Length < count)
        {
            if (_mask.Length < count) _mask = new float[count];
            float keep = (float)(1 - Probability), scale = 1f / keep;
            for (int i = 0; i < count; i++) _mask[i] = _random.NextSingle() < keep ? scale : 0f;
        }
        for (int i = 0; i < count; i++) output[i] = input[i] * _mask[i];
    }

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGradient, Span<float> parameterGradients, Span<float> inputGradient, int batch)
    {
        if (inputGradient.IsEmpty) return;
        int count = batch * InputShape.Size;
        if (Probability == 0)
        {
            outputGradient[..count].CopyTo(inputGradient);
            return;
        }
        for (int i = 0; i < count; i++) inputGradient[i] = outputGradient[i] * _mask[i];
    }
}
