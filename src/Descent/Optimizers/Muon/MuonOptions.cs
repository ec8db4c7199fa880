namespace Descent.Optimizers;

/// <summary>
/// Options of <see cref="Muon{T}"/>; the initializers are <c>torch.optim.Muon</c>'s defaults: <c>lr</c> 1e-3,
/// <c>weight_decay</c> 0.1 (decoupled, <c>p ← p·(1 − lr·wd)</c>), <c>momentum</c> 0.95, <c>nesterov</c>,
/// 5 Newton–Schulz steps, <c>eps</c> 1e-7, the "original" learning-rate adjustment. Upstream's decay is
/// decoupled only; Descent's shared <c>decoupled_weight_decay=false</c> adds <c>wd·p</c> to the gradient before the
/// momentum instead, as every other rule's L2 term.
/// </summary>
public sealed record MuonOptions : OptimizerOptions
{
    /// <summary>torch.optim.Muon's defaults.</summary>
    public MuonOptions()
    {
        LearningRate = 1e-3;
        WeightDecay = 0.1;
        DecoupledWeightDecay = true;
    }

    /// <inheritdoc/>
    public override string Name => "muon";

    /// <inheritdoc/>
    public override (double Value, bool IsBeta1)? CycledMomentum => (Momentum, false);

    /// <summary>Momentum <c>μ</c>: <c>B ← lerp(B, g, 1 − μ)</c>.</summary>
    public double Momentum { get; init; } = 0.95;

    /// <summary>Orthogonalize <c>lerp(g, B, μ)</c> instead of <c>B</c>.</summary>
    public bool Nesterov { get; init; } = true;

    /// <summary>Newton–Schulz iterations (upstream refuses 100 or more).</summary>
    public int NewtonSchulzSteps { get; init; } = 5;

    /// <summary>Floor of the norm the update is divided by before the iterations.</summary>
    public double Epsilon { get; init; } = 1e-7;

    /// <summary>
    /// How the learning rate follows the matrix shape (rows × cols): <c>original</c> (Keller Jordan's,
    /// <c>lr·√max(1, rows/cols)</c>, upstream's default) or <c>match_rms_adamw</c> (Moonshot's, <c>0.2·√max(rows, cols)·lr</c>).
    /// </summary>
    public MuonLearningRateAdjustment AdjustLearningRate { get; init; } = MuonLearningRateAdjustment.Original;

    /// <summary>
    /// The learning rate of the AdamW that <c>descent train</c> runs beside Muon on every parameter that is not a
    /// hidden dense weight matrix (biases, the output layer, convolutions), as PyTorch's documentation and Keller
    /// Jordan's recipe advise. PyTorch's AdamW default, 1e-3; AdamW's other settings are PyTorch's defaults too
    /// (betas 0.9, 0.999, eps 1e-8, weight decay 0.01). Not read where every parameter is one matrix (trajectories).
    /// </summary>
    public double AdamWLearningRate { get; init; } = 1e-3;

    /// <summary>
    /// False for a parameter group stepped by the AdamW beside Muon (<see cref="AdamWLearningRate"/> is then its
    /// <see cref="OptimizerOptions.LearningRate"/>), as the <c>use_muon</c> flag of Keller Jordan's <c>MuonWithAuxAdam</c>.
    /// </summary>
    public bool UseMuon { get; init; } = true;

    /// <summary>The defaults, whatever the convention: only torch.optim defines the rule.</summary>
    public static MuonOptions For(Convention convention) => new() { Convention = convention };

    /// <summary>The options of the AdamW group beside Muon: lr <see cref="AdamWLearningRate"/>, AdamW's weight decay 0.01.</summary>
    public MuonOptions AdamWGroup() => this with { UseMuon = false, LearningRate = AdamWLearningRate, WeightDecay = 0.01, DecoupledWeightDecay = true };

    /// <inheritdoc/>
    protected override IEnumerable<string> ValidateRule()
    {
        // Upstream checks momentum >= 0 and refuses ns_steps >= 100; eps is a norm floor.
        if (!(Momentum >= 0) || double.IsInfinity(Momentum)) yield return $"momentum must be >= 0 and finite, got {Momentum}";
        if (NewtonSchulzSteps is < 0 or >= 100) yield return $"ns_steps must be in [0, 99], got {NewtonSchulzSteps}";
        if (!(Epsilon >= 0) || double.IsInfinity(Epsilon)) yield return $"eps must be >= 0 and finite, got {Epsilon}";
        if (!(AdamWLearningRate >= 0) || double.IsInfinity(AdamWLearningRate)) yield return $"adamw_lr must be >= 0 and finite, got {AdamWLearningRate}";
    }

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new Muon<T>(length, this);
}
