using Descent.Optimizers;
using Descent.Training.Networks;

namespace Descent.Training;

/// <summary>
/// How <c>descent train</c> runs Muon: Muon on the weight matrix of every dense layer but the last (the hidden
/// layers' weights), AdamW on everything else — biases, the output layer, convolution filters — as PyTorch's
/// documentation of <c>torch.optim.Muon</c> and Keller Jordan's recipe advise. A dense layer stores its weights
/// inputs × outputs row-major: PyTorch's outputs × inputs weight stored column-major, so the group is that
/// matrix (its learning-rate adjustment reads outputs/inputs, as upstream's on an <c>nn.Linear</c>).
/// </summary>
public static class MuonParameterGroups
{
    /// <summary>The groups of <paramref name="network"/>'s parameters under <paramref name="options"/>.</summary>
    public static IReadOnlyList<ParameterGroup<MuonOptions>> For(Network network, MuonOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        var adamW = options.AdamWGroup();
        var dense = network.Layers.OfType<Dense>().Where(l => l.ParameterCount > 0).ToList();
        var hidden = dense.Count > 0 ? dense.Take(dense.Count - 1).ToHashSet() : [];
        var groups = new List<ParameterGroup<MuonOptions>>();
        foreach (var layer in network.Layers)
        {
            if (layer.ParameterCount == 0) continue;
            if (layer is Dense d && hidden.Contains(d))
            {
                int outputs = d.Outputs, weights = d.ParameterCount - outputs;
                groups.Add(new(d.ParameterOffset, weights, options) { Rows = outputs, ColumnMajor = true });
                groups.Add(new(d.ParameterOffset + weights, outputs, adamW));
            }
            else groups.Add(new(layer.ParameterOffset, layer.ParameterCount, adamW));
        }
        return groups.Count > 0 ? groups : [new(0, network.ParameterCount, adamW)];
    }

    /// <summary>The optimizer <c>descent train</c> steps: Muon over these groups in the working precision float.</summary>
    public static Muon<float> Create(Network network, MuonOptions options) => new(network.ParameterCount, For(network, options));
}
