namespace Descent.Optimizers;

/// <summary>How Muon scales its learning rate by the matrix shape (upstream's <c>adjust_lr_fn</c>).</summary>
public enum MuonLearningRateAdjustment
{
    /// <summary>Keller Jordan's: <c>lr·√max(1, rows/cols)</c> (upstream's <c>None</c> or <c>"original"</c>).</summary>
    Original,

    /// <summary>Moonshot's: <c>lr·0.2·√max(rows, cols)</c>, to reuse AdamW's learning rate and decay.</summary>
    MatchRmsAdamW,
}
