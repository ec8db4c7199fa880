namespace Descent.Training.Networks;

/// <summary>
/// Mean softmax cross-entropy over a batch, <c>L = (1/B) Σ_s [log Σ_j exp(z_sj) − z_s,y_s]</c>, computed
/// stably by subtracting each row's maximum; its gradient is <c>(softmax(z_s) − onehot(y_s)) / B</c>.
/// </summary>
public static class SoftmaxCrossEntropy
{
    /// <summary>
    /// The mean loss of <paramref name="logits"/> (batch × classes) against <paramref name="labels"/>; writes
    /// ∂L/∂logits into <paramref name="gradient"/> unless it is empty. Sums run in double precision.
    /// </summary>
    public static double Compute(ReadOnlySpan<float> logits, ReadOnlySpan<byte> labels, int batch, int classes, Span<float> gradient)
    {
        double total = 0;
        for (int s = 0; s < batch; s++)
        {
            var z = logits.Slice(s * classes, classes);
            int label = labels[s];
            if (label >= classes) throw new ArgumentException($"Label {label} at sample {s} is not below the class count {classes}.", nameof(labels));
            float max = float.NegativeInfinity;
            foreach (float v in z) max = MathF.Max(max, v);
            double sum = 0;
            foreach (float v in z) sum += Math.Exp(v - max);
            double logSum = Math.Log(sum);
            total += logSum - (z[label] - max);
            if (!gradient.IsEmpty)
            {
                var g = gradient.Slice(s * classes, classes);
                for (int j = 0; j < classes; j++)
                {
                    double p = Math.Exp(z[j] - max - logSum);
                    g[j] = (float)((p - (j == label ? 1 : 0)) / batch);
                }
            }
        }
        return total / batch;
    }

    /// <summary>Index of the largest logit in each row (the first on ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> row)
    {
        int best = 0;
        for (int j = 1; j < row.Length; j++) if (row[j] > row[best]) best = j;
        return best;
    }
}
