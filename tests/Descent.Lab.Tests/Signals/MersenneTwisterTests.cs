using Descent.Lab.Signals;

namespace Descent.Lab.Tests.Signals;

public class MersenneTwisterTests
{
    [Fact]
    public void MersenneTwister_Seed5489_MatchesReferenceOutputs()
    {
        // mt19937ar.c init_genrand(5489) (std::mt19937's default seed): the first outputs, and the
        // 10000th, which the C++ standard ([rand.predef]) requires to be 4123659995.
        var mt = new MersenneTwister(5489);
        Assert.Equal(3499211612u, mt.NextUInt32());
        Assert.Equal(581869302u, mt.NextUInt32());
        Assert.Equal(3890346734u, mt.NextUInt32());
        for (int i = 4; i < 10000; i++) mt.NextUInt32();
        Assert.Equal(4123659995u, mt.NextUInt32());
    }

    [Fact]
    public void MersenneTwister_Seed413_MatchesNumPyRawOutputs()
    {
        // bg = np.random.MT19937(); bg._legacy_seeding(413); bg.random_raw(4)  (NumPy 1.24)
        var mt = new MersenneTwister(413);
        Assert.Equal([2820868167u, 45684486u, 1653742362u, 1600119352u], [mt.NextUInt32(), mt.NextUInt32(), mt.NextUInt32(), mt.NextUInt32()]);
    }

    [Fact]
    public void NextDouble_Seed413_MatchesNumPyRandom()
    {
        // np.random.seed(413); [np.random.random() for _ in range(3)]  (NumPy 1.24)
        var mt = new MersenneTwister(413);
        Assert.Equal(0.6567845494347568, mt.NextDouble());
        Assert.Equal(0.38504189530429844, mt.NextDouble());
        Assert.Equal(0.07794657879159383, mt.NextDouble());
    }

    [Fact]
    public void NextDouble_SameSeed_SameBits()
    {
        var a = new MersenneTwister(7);
        var b = new MersenneTwister(7);
        for (int i = 0; i < 2000; i++) Assert.Equal(a.NextDouble(), b.NextDouble());
    }
}
