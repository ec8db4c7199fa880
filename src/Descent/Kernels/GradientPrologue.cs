using System.Numerics;
using System.Runtime.CompilerServices;

namespace Descent.Kernels;

/// <summary>
/// What every rule does to the gradient (and parameter) before its own update, in PyTorch's order,
/// fused into the rule's one pass over memory:
/// <code>
/// g ← g·c                  clip_norm: c = min(1, C / (‖g‖ + 1e-6)), as clip_grad_norm_
/// g ← clamp(g, −C, C)      clip_value, as clip_grad_value_
/// p ← p·(1 − lr·wd)        decoupled weight decay, as AdamW's param.mul_(1 − lr·wd)
/// g ← g + wd·p             L2 weight decay, one fused multiply-add as torch's grad.add(p, alpha=wd)
/// p ← p − (p·wd)·lr        Keras's weight_decay (keras convention), as its variable - variable * wd * lr
/// </code>
/// Each stage is skipped when unused, as PyTorch skips the decay term at wd = 0 (so an infinite
/// <c>p</c> does not turn the gradient into NaN through 0·∞).
/// </summary>
public readonly struct GradientPrologue<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _scale, _clip, _keep, _wd, _kerasWd, _kerasLr;
    private readonly bool _scaled, _clamped, _decoupled, _decay, _kerasDecay;

    /// <summary>A prologue with the stages whose value is given.</summary>
    /// <param name="scale">The clip-by-norm factor <c>c</c>, or null.</param>
    /// <param name="clip">The clip-by-value bound <c>C</c>, or null.</param>
    /// <param name="keep">The decoupled-decay factor <c>1 − lr·wd</c>, or null.</param>
    /// <param name="weightDecay">The L2 coefficient <c>wd</c>, or null (0 counts as none).</param>
    /// <param name="kerasDecay">Keras's decay coefficient and learning rate <c>(wd, lr)</c>, or null.</param>
    public GradientPrologue(T? scale = null, T? clip = null, T? keep = null, T? weightDecay = null, (T WeightDecay, T LearningRate)? kerasDecay = null)
    {
        _kerasDecay = kerasDecay is not null;
        (_kerasWd, _kerasLr) = kerasDecay ?? (T.Zero, T.Zero);
        _scaled = scale is not null;
        _scale = scale ?? T.One;
        _clamped = clip is not null;
        _clip = clip ?? T.Zero;
        _decoupled = keep is not null;
        _keep = keep ?? T.One;
        _decay = weightDecay is { } wd && wd != T.Zero;
        _wd = weightDecay ?? T.Zero;
    }

    /// <summary>True when no stage runs.</summary>
    public bool IsIdentity => !(_scaled || _clamped || _decoupled || _decay || _kerasDecay);

    /// <summary>True when a stage changes the parameter (decoupled decay), so a reduction pass must store it back.</summary>
    public bool ChangesParameter => _decoupled || _kerasDecay;

    /// <summary>Applies the stages to one register of parameters and gradients.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Apply<TV>(ref TV p, ref TV g) where TV : struct, ILanes<TV, T>
    {
        if (_scaled) g *= _scale;
        if (_clamped) g = TV.Min(TV.Max(g, TV.Broadcast(-_clip)), TV.Broadcast(_clip));
        if (_decoupled) p *= _keep;
        if (_decay) g = TV.FusedMultiplyAdd(p, _wd, g);
        // Rounded twice, left to right, as Keras's separate tensor operations round.
        if (_kerasDecay) p -= p * _kerasWd * _kerasLr;
    }
}
