using Descent.Lab.IO;
using Descent.Lab.Response;
using Descent.Lab.Signals;

namespace Descent.Lab.Tests.IO;

public class LabJsonTests
{
    private static ResponseResult Diverging() => ResponseExperiment.Run(
        new ResponseConfig
        {
            Signal = "mixed.csv",
            Optimizers = ["adam(lr=0.25, beta1=0.9)", "nesterov(lr=0.1,momentum=0.5)"],
            Convention = Convention.Lecture,
            Interpolation = Interpolation.Lecture,
            Steps = 4,
        },
        new Signal("mixed.csv", [0.1 + 0.2, double.NaN, 1e-310, double.NegativeInfinity, 7]));

    [Fact]
    public void LabJson_ResponseResult_RoundTripsBitForBit()
    {
        var original = Diverging();

        var back = LabJson.Deserialize<ResponseResult>(LabJson.Serialize(original));

        Assert.Equal(original.Config.Signal, back.Config.Signal);
        Assert.Equal(original.Config.Optimizers, back.Config.Optimizers);
        Assert.Equal(original.Config.Convention, back.Config.Convention);
        Assert.Equal(original.Config.Interpolation, back.Config.Interpolation);
        Assert.Equal(original.Config.Steps, back.Config.Steps);
        Assert.Equal(original.ToolVersion, back.ToolVersion);
        Assert.Equal(original.Steps, back.Steps);
        Assert.Equal(Bits(original.Signal), Bits(back.Signal));
        Assert.Equal(original.Curves.Count, back.Curves.Count);
        for (int k = 0; k < original.Curves.Count; k++)
        {
            Assert.Equal(original.Curves[k].Optimizer, back.Curves[k].Optimizer);
            Assert.Equal(original.Curves[k].Resolved, back.Curves[k].Resolved);
            Assert.Equal(Bits(original.Curves[k].Gradients), Bits(back.Curves[k].Gradients));
            Assert.Equal(Bits(original.Curves[k].Updates), Bits(back.Curves[k].Updates));
            Assert.Equal(original.Curves[k].DivergedAtStep, back.Curves[k].DivergedAtStep);
        }
        Assert.Equal(2, back.Curves[0].DivergedAtStep);
    }

    [Fact]
    public void LabJson_ResponseResult_UsesContractNames()
    {
        string json = LabJson.Serialize(Diverging());
        Assert.Contains("\"convention\": \"lecture\"", json);
        Assert.Contains("\"interpolation\": \"lecture\"", json);
        Assert.Contains("\"tool_version\":", json);
        Assert.Contains("\"diverged_at_step\": 2", json);
        Assert.Contains("\"adam(lr=0.25, beta1=0.9)\"", json);
        Assert.Contains("\"NaN\"", json);
        Assert.Contains("\"convention\": \"pytorch\"", LabJson.Serialize(new ResponseConfig { Signal = "spikes" }));
    }

    [Fact]
    public void LabJson_ThroughStream_RoundTrips()
    {
        var original = Diverging();
        using var stream = new MemoryStream();
        LabJson.Write(stream, original);
        stream.Position = 0;
        Assert.Equal(Bits(original.Curves[1].Updates), Bits(LabJson.Read<ResponseResult>(stream).Curves[1].Updates));
    }

    [Theory]
    [InlineData("{ \"config\": { \"signal\": \"spikes\" }, \"tool_version\": \"x\" }")]
    [InlineData("{ \"config\": ")]
    [InlineData("[1, 2]")]
    public void LabJson_MalformedResult_IsOneLineLabInputException(string json)
    {
        var e = Assert.Throws<LabInputException>(() => LabJson.Deserialize<ResponseResult>(json, "r.json"));
        Assert.StartsWith("r.json", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void LabJson_MissingFile_IsLabInputException()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<LabInputException>(() => LabJson.ReadFile<ResponseResult>(Path.Combine(dir.Path, "none.json")));
        Assert.Contains("none.json", e.Message);
    }

    private static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
    [Fact]
    public void LabJson_EveryPowerOfTwo_ReadsBackToItsBits()
    {
        // 2^e is exact; .NET 10's shortest form misses 2^-25 and 2^-958 by one ulp, so the writer must not rely on it.
        var powers = new List<double>();
        for (int e = -1074; e <= 1023; e++) powers.Add(Math.ScaleB(1.0, e));
        powers.AddRange([-Math.ScaleB(1.0, -25), double.Epsilon, double.MaxValue, 0.1 + 0.2, -0.0]);

        var back = LabJson.Deserialize<List<double>>(LabJson.Serialize(powers));

        Assert.Equal(powers.Select(BitConverter.DoubleToInt64Bits), back.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void LabJson_NonFiniteAndNullable_UseTheNamedStrings()
    {
        double?[] values = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, null, 1.5];

        string json = LabJson.Serialize(values).Replace("\n", "").Replace(" ", "");

        Assert.Contains("\"NaN\"", json);
        Assert.Contains("\"Infinity\"", json);
        Assert.Contains("\"-Infinity\"", json);
        Assert.Equal(values, LabJson.Deserialize<double?[]>(LabJson.Serialize(values)));
    }
}
