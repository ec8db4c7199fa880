namespace Descent.Optimizers;

/// <summary>Which of its three parameter updates AdaBelief takes in a step.</summary>
public enum AdaBeliefStep
{
    /// <summary>Without rectification: <c>p ← p − (lr/bc1)·m/(√s/√bc2 + eps)</c>.</summary>
    Adaptive,

    /// <summary>Rectified, once <c>N_sma ≥ 5</c>: <c>p ← p − (r·lr)·m/(√s + eps)</c>, <c>r</c> holding both bias corrections.</summary>
    Rectified,

    /// <summary>Rectified while <c>N_sma &lt; 5</c>: bias-corrected momentum, <c>p ← p − (lr/bc1)·m</c>.</summary>
    Momentum,
}
