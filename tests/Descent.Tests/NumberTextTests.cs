using System.Globalization;
using Descent.Specs;

namespace Descent.Tests;

/// <summary>Numbers written into specs and data files read back as the same double, including where .NET's "R" misses.</summary>
public class NumberTextTests
{
    [Fact]
    public void RoundTrip_EveryPowerOfTwo_ParsesBackToItself()
    {
        // 2^-25 is one the runtime's shortest form gets wrong ("2.980232238769531E-08" reads back one ulp low).
        for (int e = -1074; e <= 1023; e++)
        {
            double x = Math.ScaleB(1, e);
            Assert.Equal(x, double.Parse(OptimizerSpec.RoundTrip(x), NumberStyles.Float, CultureInfo.InvariantCulture));
            Assert.Equal(x, double.Parse(OptimizerSpec.FormatNumber(x), NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        Assert.Equal("2.9802322387695312E-08", OptimizerSpec.RoundTrip(Math.ScaleB(1, -25)));
        Assert.Equal("0.25", OptimizerSpec.RoundTrip(0.25));
    }

    [Fact]
    public void RoundTrip_EveryFloatPowerOfTwo_ParsesBackToItself()
    {
        for (int e = -149; e <= 127; e++)
        {
            float x = MathF.ScaleB(1, e);
            Assert.Equal(x, float.Parse(OptimizerSpec.RoundTrip(x), NumberStyles.Float, CultureInfo.InvariantCulture));
        }
    }
}
