using Descent.Optimizers;
using Descent.Training.Networks;

namespace Descent.Training.Tests;

/// <summary>How <c>descent train</c> splits a network between Muon and the AdamW beside it.</summary>
public sealed class MuonParameterGroupsTests
{
    /// <summary>
    /// 4 inputs → dense 5 → dense 6 → dense 3: the two hidden weight matrices (4·5 and 5·6 values, stored inputs × outputs)
    /// are Muon groups of PyTorch's outputs × inputs shape, column-major; their biases and the whole output layer
    /// (6·3 + 3) are AdamW groups at adamw_lr with AdamW's decay 0.01.
    /// </summary>
    [Fact]
    public void For_Mlp_HiddenWeightsAreMuonMatricesTheRestIsAdamW()
    {
        var network = new Network("mlp", new Shape(1, 2, 2), [new Flatten(), new Dense(5), new Relu(), new Dense(6), new Relu(), new Dense(3)]);
        var options = new MuonOptions { LearningRate = 0.02, AdamWLearningRate = 3e-4 };
        var groups = MuonParameterGroups.For(network, options);

        Assert.Equal([(0, 20), (20, 5), (25, 30), (55, 6), (61, 21)], groups.Select(g => (g.Offset, g.Length)));
        Assert.Equal([true, false, true, false, false], groups.Select(g => g.Options.UseMuon));
        Assert.Equal((5, 4, true), (groups[0].Rows, groups[0].Columns, groups[0].ColumnMajor));
        Assert.Equal((6, 5, true), (groups[2].Rows, groups[2].Columns, groups[2].ColumnMajor));
        Assert.All(groups.Where(g => !g.Options.UseMuon), g => Assert.Equal((3e-4, 0.01, true), (g.Options.LearningRate, g.Options.WeightDecay, g.Options.DecoupledWeightDecay)));
        Assert.All(groups.Where(g => g.Options.UseMuon), g => Assert.Equal(options, g.Options));
        Assert.Equal(network.ParameterCount, groups.Sum(g => g.Length));
        Assert.Equal(["momentum_buffer", "exp_avg", "exp_avg_sq"], MuonParameterGroups.Create(network, options).StateNames);
    }
}
