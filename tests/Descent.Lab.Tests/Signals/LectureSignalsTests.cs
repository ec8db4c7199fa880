using Descent.Lab.Signals;

namespace Descent.Lab.Tests.Signals;

public class LectureSignalsTests
{
    public static TheoryData<string> SignalLabels() => [.. LectureReference.SignalLabels];

    [Theory]
    [MemberData(nameof(SignalLabels))]
    public void BuiltInSignal_ComparedWithLecture_IsEqualWithin1e15(string label)
    {
        double[] expected = LectureReference.Get(label).Signal;
        var signal = SignalCatalog.Get(label.Replace(' ', '-'));

        Assert.Equal(300, signal.Length);
        for (int x = 0; x < expected.Length; x++)
            Assert.True(Math.Abs(signal.Values[x] - expected[x]) <= 1e-15, $"{label}[{x}]: got {signal.Values[x]:R}, lecture {expected[x]:R}");
    }

    [Theory]
    [InlineData("spikes")]
    [InlineData("rectangles")]
    [InlineData("uneven sawtooth")]
    [InlineData("saturation")]
    public void NoiselessSignal_ComparedWithLecture_IsBitIdentical(string label) =>
        Assert.Equal(LectureReference.Get(label).Signal, SignalCatalog.Get(label).Values);

    [Fact]
    public void NoisySignals_CalledTwice_AreTheSameAndIndependentCopies()
    {
        var a = LectureSignals.NoisySin();
        a[0] = 42;
        Assert.NotEqual(42, LectureSignals.NoisySin()[0]);
        Assert.Equal(SignalCatalog.Get("very-noisy-sin").Values, SignalCatalog.Get("very noisy sin").Values);
    }

    [Fact]
    public void NoisySin_FirstSample_IsSinZeroPlusNumPysFirstDrawMinusHalf()
    {
        // np.random.seed(413); np.random.random() == 0.6567845494347568 (NumPy 1.24); sin(0) = 0.
        Assert.Equal(0.6567845494347568 - 0.5, LectureSignals.NoisySin()[0]);
    }
}
