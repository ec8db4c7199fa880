namespace Descent.Lab.Signals;

/// <summary>
/// The six gradient signals of the lecture's response script, generated as it does for
/// <c>x = 0..299</c> (with its integer and float arithmetic):
/// <code>
/// spikes[x]          = 1 if x % 60 == 0 else 0
/// rectangles[x]      = 2·(1 if x % 40 &lt; 20 else 0) − 1
/// noisy sin[x]       = sin(x/20) + r − 0.5
/// very noisy sin[x]  = sin(x/20)/5 + r − 0.5
/// uneven sawtooth[x] = (x % 20) / (15·(1 if x &gt; 80 else 0) + 5)
/// saturation[x]      = 1 if x % 80 &lt; 40 else 0
/// </code>
/// where <c>r</c> is NumPy's <c>random()</c> after <c>seed(413)</c>, one draw per x, all of noisy sin
/// drawn before very noisy sin (design/CONVENTIONS.md).
/// </summary>
public static class LectureSignals
{
    /// <summary>The number of samples of every built-in signal (the lecture's 300 epochs).</summary>
    public const int Length = 300;

    /// <summary>The seed of the lecture's <c>np.random.seed(413)</c>.</summary>
    public const uint Seed = 413;

    private static readonly Lazy<(double[] Noisy, double[] VeryNoisy)> Noise = new(DrawNoise);

    /// <summary>Isolated spikes of 1 every 60 steps, 0 elsewhere.</summary>
    public static double[] Spikes() => Make(x => x % 60 == 0 ? 1 : 0);

    /// <summary>+1 for 20 steps, −1 for 20 steps.</summary>
    public static double[] Rectangles() => Make(x => 2 * (x % 40 < 20 ? 1 : 0) - 1);

    /// <summary>A slow sine plus uniform noise in [−0.5, 0.5).</summary>
    public static double[] NoisySin() => [.. Noise.Value.Noisy];

    /// <summary>A sine five times smaller under the same amount of noise.</summary>
    public static double[] VeryNoisySin() => [.. Noise.Value.VeryNoisy];

    /// <summary>Ramps 0..19 of period 20, divided by 5 up to x = 80 and by 20 after.</summary>
    public static double[] UnevenSawtooth() => Make(x => (double)(x % 20) / (15 * (x > 80 ? 1 : 0) + 5));

    /// <summary>1 for 40 steps, 0 for 40 steps.</summary>
    public static double[] Saturation() => Make(x => x % 80 < 40 ? 1 : 0);

    private static double[] Make(Func<int, double> f)
    {
        var values = new double[Length];
        for (int x = 0; x < Length; x++) values[x] = f(x);
        return values;
    }

    private static (double[], double[]) DrawNoise()
    {
        var random = new MersenneTwister(Seed);
        var noisy = new double[Length];
        var veryNoisy = new double[Length];
        // Python evaluates left to right: (sin + r) − 0.5; x/20 is a true division in float64.
        for (int x = 0; x < Length; x++) noisy[x] = Math.Sin(x / 20.0) + random.NextDouble() - 0.5;
        for (int x = 0; x < Length; x++) veryNoisy[x] = Math.Sin(x / 20.0) / 5 + random.NextDouble() - 0.5;
        return (noisy, veryNoisy);
    }
}
