using Descent.Training.Networks;

namespace Descent.Training.Tests;

/// <summary>The vectorized pooling against the definition, with many ties so the "first maximum" rule is exercised.</summary>
public class MaxPool2DTests
{
    [Theory]
    [InlineData(8, 28, 28, 3)]
    [InlineData(16, 14, 14, 5)]
    [InlineData(3, 17, 35, 2)]
    [InlineData(2, 5, 3, 4)]
    [InlineData(1, 2, 2, 1)]
    [InlineData(4, 9, 16, 3)]
    public void ForwardBackward_TiedValues_FirstMaximumOfEachWindow(int channels, int height, int width, int batch)
    {
        var pool = new MaxPool2D();
        pool.Build(new Shape(channels, height, width));
        int ho = height / 2, wo = width / 2;
        var random = new DeterministicRandom((ulong)(channels * 1000 + height * 10 + width));
        // Four levels only: most windows hold a tie for their maximum.
        var x = new float[batch * channels * height * width];
        for (int i = 0; i < x.Length; i++) x[i] = random.NextInt32(4) - 1.5f;
        var dy = new float[batch * channels * ho * wo];
        for (int i = 0; i < dy.Length; i++) dy[i] = i + 1;
        var y = new float[dy.Length];
        var dx = new float[x.Length];
        Array.Fill(dx, float.NaN);
        pool.Forward([], x, y, batch, training: true);
        pool.Backward([], x, y, dy, [], dx, batch);

        var want = new float[x.Length];
        for (int plane = 0; plane < batch * channels; plane++)
            for (int oy = 0; oy < ho; oy++)
                for (int ox = 0; ox < wo; ox++)
                {
                    int o = (plane * ho + oy) * wo + ox;
                    int[] window = [0, 1, width, width + 1];
                    int best = plane * height * width + 2 * oy * width + 2 * ox;
                    int first = best;
                    foreach (int d in window)
                        if (x[first + d] > x[best]) best = first + d;
                    Assert.Equal(x[best], y[o]);
                    want[best] = dy[o];
                }
        Assert.Equal(want, dx);
    }
}
