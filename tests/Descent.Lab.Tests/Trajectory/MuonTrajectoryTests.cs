using Descent.Lab.Response;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Tests.Trajectory;

/// <summary>Muon in the trajectory and response commands: its momentum buffer on the page, a response signal as a 1×1 matrix.</summary>
public sealed class MuonTrajectoryTests
{
    /// <summary>
    /// The state panel draws every buffer the optimizer names: Muon's is <c>momentum_buffer</c>, and after the first
    /// step it holds <c>lerp(0, g, 1 − μ) = fma(1 − μ, g, 0)</c> with the gradient at the start (μ = 0.95 by default).
    /// </summary>
    [Fact]
    public void Muon_Trajectory_RecordsItsMomentumBufferAfterEachStep()
    {
        var config = new TrajectoryConfig { Function = "quadratic", Optimizers = ["muon(lr=0.02)"], Convention = Convention.PyTorch, Start = new(-2.8, -2.5), Steps = 3 };
        var path = Assert.Single(TrajectoryExperiment.Run(config).Paths);
        var buffer = Assert.Single(path.State);
        Assert.Equal("momentum_buffer", buffer.Name);
        Assert.Equal(0.0, buffer.X[0]);
        Assert.Equal(Math.FusedMultiplyAdd(1 - 0.95, path.GradientX[0], 0), buffer.X[1]);
        Assert.Equal(Math.FusedMultiplyAdd(1 - 0.95, path.GradientY[0], 0), buffer.Y[1]);
    }

    /// <summary>
    /// A response signal is one coordinate, the 1×1 matrix [[g]]. One Newton–Schulz iteration from x = 1 (any g &gt; 0
    /// divided by its norm), worked in bfloat16: bf(−4.775) = −4.78125, bf(2.0315) = 2.03125, so U = bf(−4.78125 + 2.03125)
    /// = −2.75, and bf(3.4445) = 3.4375 gives X = 3.4375 − 2.75 = 0.6875. With momentum 0 the buffer is g itself, so the
    /// first update is lr·0.6875 whatever the size of g.
    /// </summary>
    [Theory]
    [InlineData(0.02)]
    [InlineData(0.5)]
    public void Muon_ResponseOneIteration_FirstUpdateIsLrTimesTheHandWorkedValue(double lr)
    {
        string spec = $"muon(lr={lr.ToString(System.Globalization.CultureInfo.InvariantCulture)},ns_steps=1,momentum=0,weight_decay=0)";
        var result = ResponseExperiment.Run(new ResponseConfig { Signal = "spikes", Optimizers = [spec], Steps = 3 });
        var curve = Assert.Single(result.Curves);
        Assert.True(curve.Gradients[0] > 0, $"the spikes signal starts at {curve.Gradients[0]}");
        Assert.Equal(lr * 0.6875, Math.Abs(curve.Updates[0]));
    }
}
