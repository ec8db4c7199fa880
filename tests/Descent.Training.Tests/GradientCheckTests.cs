using Descent.Training.Networks;

namespace Descent.Training.Tests;

/// <summary>
/// Every backward against central finite differences of the scalar L = Σ r·y (r fixed random weights),
/// evaluated in double from float forward passes. Each perturbation's true size (after rounding to float)
/// is the denominator, so the only errors left are the forward's float rounding and the h² term.
/// </summary>
public class GradientCheckTests
{

    private static float[] Uniform(int n, DeterministicRandom random, float limit = 1f)
    {
        var x = new float[n];
        for (int i = 0; i < n; i++) x[i] = random.NextSymmetric(limit);
        return x;
    }

    private static double Objective(Layer layer, float[] parameters, float[] input, float[] r, int batch)
    {
        var y = new float[batch * layer.OutputShape.Size];
        layer.Forward(parameters, input, y, batch, training: true);
        double sum = 0;
        for (int i = 0; i < y.Length; i++) sum += (double)r[i] * y[i];
        return sum;
    }

    private static double Difference(Func<double> f, float[] values, int i, float h = 1e-2f)
    {
        float original = values[i];
        values[i] = original + h;
        float up = values[i];
        double fUp = f();
        values[i] = original - h;
        float down = values[i];
        double fDown = f();
        values[i] = original;
        return (fUp - fDown) / ((double)up - down);
    }

    private static void AssertClose(double expected, double actual, string what)
    {
        double tolerance = 2e-3 + 2e-3 * Math.Abs(expected);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: backward {actual}, finite difference {expected}");
    }

    /// <summary>Checks ∂L/∂parameters and ∂L/∂input of <paramref name="layer"/> on a random batch.</summary>
    private static void Check(Layer layer, Shape input, int batch, float[]? inputValues = null, Action? beforeDifferences = null)
    {
        var random = new DeterministicRandom(42);
        layer.Build(input);
        var parameters = Uniform(layer.ParameterCount, random, 0.5f);
        var x = inputValues ?? Uniform(batch * input.Size, random);
        var r = Uniform(batch * layer.OutputShape.Size, random);
        var y = new float[batch * layer.OutputShape.Size];
        layer.Forward(parameters, x, y, batch, training: true);
        var gradParameters = new float[layer.ParameterCount];
        var gradInput = new float[x.Length];
        Array.Fill(gradParameters, float.NaN);
        Array.Fill(gradInput, float.NaN);
        layer.Backward(parameters, x, y, r, gradParameters, gradInput, batch);
        beforeDifferences?.Invoke();

        double L() => Objective(layer, parameters, x, r, batch);
        for (int i = 0; i < parameters.Length; i++)
            AssertClose(Difference(L, parameters, i), gradParameters[i], $"{layer} parameter {i}");
        for (int i = 0; i < x.Length; i++)
            AssertClose(Difference(L, x, i), gradInput[i], $"{layer} input {i}");
    }

    /// <summary>Inputs at least 0.05 away from 0 and from each other, so no ±h step crosses a kink or changes a maximum.</summary>
    private static float[] Separated(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new DeterministicRandom((ulong)seed).Shuffle(order.AsSpan());
        return [.. order.Select(k => (k - n / 2 + 0.5f) * 0.05f)];
    }

    [Fact]
    public void Dense_Backward_MatchesCentralDifference() => Check(new Dense(5), Shape.Vector(7), 3);

    [Fact]
    public void Dense_FromImageShape_MatchesCentralDifference() => Check(new Dense(4), new Shape(2, 3, 3), 2);

    [Fact]
    public void Relu_Backward_MatchesCentralDifference() => Check(new Relu(), Shape.Vector(12), 3, Separated(36, 1));

    [Fact]
    public void Tanh_Backward_MatchesCentralDifference() => Check(new Tanh(), Shape.Vector(10), 3);

    [Fact]
    public void Flatten_Backward_MatchesCentralDifference() => Check(new Flatten(), new Shape(2, 3, 2), 2);

    [Fact]
    public void MaxPool2D_EvenInput_MatchesCentralDifference() => Check(new MaxPool2D(), new Shape(2, 4, 4), 2, Separated(64, 2));

    [Fact]
    public void MaxPool2D_OddInput_MatchesCentralDifference() => Check(new MaxPool2D(), new Shape(1, 5, 3), 2, Separated(30, 3));

    [Fact]
    public void Conv2D_SamePadding_MatchesCentralDifference() => Check(new Conv2D(3), new Shape(2, 5, 4), 2);

    [Theory]
    [InlineData(3, 1, 0)]
    [InlineData(3, 1, 2)]
    [InlineData(1, 1, 0)]
    [InlineData(5, 1, 1)]
    [InlineData(2, 3, 1)]
    public void Conv2D_KernelStridePadding_MatchesCentralDifference(int kernel, int stride, int padding) =>
        Check(new Conv2D(2, kernel, stride, padding), new Shape(2, 6, 5), 2);

    [Theory]
    [InlineData(3, 1, 1)]
    [InlineData(3, 2, 0)]
    [InlineData(5, 1, 2)]
    public void Conv2D_Forward_MatchesNaiveConvolution(int kernel, int stride, int padding)
    {
        var conv = new Conv2D(3, kernel, stride, padding);
        var input = new Shape(2, 7, 6);
        conv.Build(input);
        var random = new DeterministicRandom(8);
        var p = Uniform(conv.ParameterCount, random);
        var x = Uniform(2 * input.Size, random);
        var y = new float[2 * conv.OutputShape.Size];
        conv.Forward(p, x, y, 2, training: false);
        int ho = conv.OutputShape.Height, wo = conv.OutputShape.Width, patch = 2 * kernel * kernel;
        for (int s = 0; s < 2; s++)
            for (int o = 0; o < 3; o++)
                for (int oy = 0; oy < ho; oy++)
                    for (int ox = 0; ox < wo; ox++)
                    {
                        double sum = p[3 * patch + o];
                        for (int c = 0; c < 2; c++)
                            for (int ky = 0; ky < kernel; ky++)
                                for (int kx = 0; kx < kernel; kx++)
                                {
                                    int iy = oy * stride - padding + ky, ix = ox * stride - padding + kx;
                                    if (iy < 0 || iy >= 7 || ix < 0 || ix >= 6) continue;
                                    sum += (double)p[o * patch + (c * kernel + ky) * kernel + kx] * x[s * input.Size + (c * 7 + iy) * 6 + ix];
                                }
                        // float32 sums of at most 51 products of magnitude ≤ 1: a few ulps of the result.
                        Assert.InRange(y[((s * 3 + o) * ho + oy) * wo + ox], sum - 1e-5, sum + 1e-5);
                    }
    }

    [Fact]
    public void Conv2D_NoPaddingStride2_MatchesCentralDifference() => Check(new Conv2D(2, kernel: 3, stride: 2, padding: 0), new Shape(2, 7, 6), 2);

    [Fact]
    public void Dropout_FrozenMask_MatchesCentralDifference()
    {
        var dropout = new Dropout(0.5);
        dropout.Initialize([], new DeterministicRandom(7));
        Check(dropout, Shape.Vector(20), 3, beforeDifferences: () => dropout.FreezeMask = true);
    }

    [Fact]
    public void Dropout_Training_DropsAboutTheProbabilityAndScalesTheRest()
    {
        var dropout = new Dropout(0.25);
        dropout.Build(Shape.Vector(10000));
        dropout.Initialize([], new DeterministicRandom(3));
        var x = Enumerable.Repeat(1f, 10000).ToArray();
        var y = new float[10000];
        dropout.Forward([], x, y, 1, training: true);
        int dropped = y.Count(v => v == 0);
        Assert.InRange(dropped, 2300, 2700);
        Assert.All(y.Where(v => v != 0), v => Assert.Equal(1f / 0.75f, v));
        dropout.Forward([], x, y, 1, training: false);
        Assert.All(y, v => Assert.Equal(1f, v));
    }

    [Fact]
    public void SoftmaxCrossEntropy_Gradient_MatchesCentralDifference()
    {
        var random = new DeterministicRandom(5);
        int batch = 4, classes = 6;
        var z = Uniform(batch * classes, random, 3f);
        byte[] labels = [0, 5, 2, 2];
        var g = new float[z.Length];
        SoftmaxCrossEntropy.Compute(z, labels, batch, classes, g);
        for (int i = 0; i < z.Length; i++)
            AssertClose(Difference(() => SoftmaxCrossEntropy.Compute(z, labels, batch, classes, []), z, i), g[i], $"logit {i}");
    }

    [Fact]
    public void SoftmaxCrossEntropy_KnownLogits_MatchesHandComputedLoss()
    {
        // Two classes, logits (0, ln 3): softmax = (1/4, 3/4); label 0 loses ln 4, label 1 loses ln(4/3).
        float[] z = [0f, MathF.Log(3f), 0f, MathF.Log(3f)];
        double loss = SoftmaxCrossEntropy.Compute(z, [0, 1], 2, 2, []);
        Assert.Equal((Math.Log(4) + Math.Log(4.0 / 3)) / 2, loss, 6);
    }

    [Fact]
    public void Network_ConvStackGradients_MatchCentralDifferenceOfLoss()
    {
        // No pooling here: a random net puts some window's two largest values within 1e-4 of each other, and
        // no finite step is then both small enough to stay on one side and large enough for float32.
        // MaxPool2D has its own check on separated inputs.
        var network = new Network("conv-stack", new Shape(2, 6, 5),
            [new Conv2D(3, initialization: Initialization.Glorot), new Tanh(), new Conv2D(2, stride: 2, padding: 1), new Tanh(), new Flatten(), new Dense(3)]);
        network.Initialize(11);
        var random = new DeterministicRandom(12);
        var x = Uniform(2 * 60, random);
        byte[] labels = [1, 2];
        network.ComputeGradients(x, labels, 2);
        var gradients = (float[])network.Gradients.Clone();
        double Loss()
        {
            var logits = network.Forward(x, 2);
            return SoftmaxCrossEntropy.Compute(logits, labels, 2, 3, []);
        }
        for (int i = 0; i < network.ParameterCount; i++)
            AssertClose(Difference(Loss, network.Parameters, i), gradients[i], $"conv-stack parameter {i}");
    }

    [Fact]
    public void Network_MlpGradients_MatchCentralDifferenceOfLoss()
    {
        var network = ModelCatalog.Create(new ModelSpec("mlp") { Hidden = [5, 4], Activation = "tanh" }, Shape.Vector(6), 3);
        network.Initialize(13);
        var x = Uniform(3 * 6, new DeterministicRandom(14));
        byte[] labels = [0, 2, 1];
        network.ComputeGradients(x, labels, 3);
        var gradients = (float[])network.Gradients.Clone();
        double Loss() => SoftmaxCrossEntropy.Compute(network.Forward(x, 3), labels, 3, 3, []);
        for (int i = 0; i < network.ParameterCount; i++)
            AssertClose(Difference(Loss, network.Parameters, i), gradients[i], $"mlp parameter {i}");
    }
}
