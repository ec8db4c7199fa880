using Descent.Lab.Signals;

namespace Descent.Lab.Tests.Signals;

public class SignalCatalogTests
{
    [Fact]
    public void SignalCatalog_Names_AreTheContractsSix()
    {
        Assert.Equal(["spikes", "rectangles", "noisy-sin", "very-noisy-sin", "uneven-sawtooth", "saturation"], SignalCatalog.Names);
        Assert.All(SignalCatalog.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Description)));
    }

    [Fact]
    public void SignalCatalog_UnknownName_ListsValidNames()
    {
        var e = Assert.Throws<LabInputException>(() => SignalCatalog.Resolve("sawtooth"));
        Assert.Equal("signal", e.Argument);
        Assert.Contains("'sawtooth'", e.Message);
        foreach (string name in SignalCatalog.Names) Assert.Contains(name, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void SignalCatalog_Resolve_ReturnsAFreshCopyEachTime()
    {
        var a = SignalCatalog.Resolve("rectangles");
        Assert.Equal("rectangles", a.Name);
        Assert.Equal(300, a.Length);
        Assert.IsNotType<double[]>(a.Values);
    }
}
