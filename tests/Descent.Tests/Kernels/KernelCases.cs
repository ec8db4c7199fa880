using System.Numerics;
using Descent.Kernels;
using Descent.Specs;

namespace Descent.Tests.Kernels;

/// <summary>
/// The optimizer settings every kernel test sweeps: each rule at its defaults in each convention, plus
/// the options that switch to another kernel (momentum, Nesterov, AMSGrad, centered, weight decay…).
/// </summary>
public static class KernelCases
{
    private static readonly string[] Variants =
    [
        "sgd(lr=0.1)", "sgd(lr=0.1, weight_decay=0.01)", "sgd(lr=0.1, momentum=0.9, dampening=0.1, weight_decay=0.01)",
        "sgd(lr=0.1, momentum=0.9, nesterov=true)", "momentum(lr=0.1)", "nesterov(lr=0.1)", "smoothed-nesterov(lr=0.1, points=3)",
        "adagrad", "adagrad(lr_decay=0.01, initial_accumulator=0.1, weight_decay=0.01)", "adagrad(power=1)", "adagrad(power=0.75, accumulate=abs)",
        "rmsprop", "rmsprop(centered=true, momentum=0.5, weight_decay=0.01)", "rmsprop(momentum=0.9)", "rmsprop(centered=true)",
        "adadelta", "adadelta(initial_delta=50, weight_decay=0.01)",
        "adam(lr=0.1)", "adam(lr=0.1, amsgrad=true, weight_decay=0.01)", "adam(amsgrad=true)",
        "adamw(lr=0.1)", "adamw(lr=0.1, amsgrad=true)", "adamax(lr=0.1)", "adamax(weight_decay=0.01)",
        "nadam(lr=0.1)", "nadam(weight_decay=0.01, momentum_decay=0.01)", "radam(lr=0.1)", "radam(weight_decay=0.01)",
        "lion(lr=0.1)", "lion(lr=0.1, beta1=0.8, beta2=0.9, weight_decay=0.5, schedule=onecycle(max_lr=0.1, total_steps=1000))",
        "lion(lr=0.1, decoupled_weight_decay=false, weight_decay=0.01, clip_value=0.5)",
        "rprop", "rprop(lr=0.1, eta_minus=0.3, eta_plus=1.5, step_min=0.001, step_max=0.2, weight_decay=0.01, schedule=cosine(t_max=10))",
        "asgd(lr=0.1)", "asgd(lr=0.1, lambd=0.01, alpha=0.5, t0=2, weight_decay=0.01, clip_norm=1, schedule=step(step_size=3))",
        "adabelief(lr=0.1)", "adabelief(lr=0.1, rectify=false, beta2=0.99, weight_decay=0.1, clip_value=0.5)",
        "adabelief(lr=0.1, beta2=0.5, decoupled_weight_decay=false, weight_decay=0.01, schedule=onecycle(max_lr=0.1, total_steps=1000))",
        "lamb(lr=0.1)", "lamb(lr=0.1, weight_decay=0, max_grad_norm=0)", "lamb(lr=0.1, weight_decay=0, always_adapt=true, trust_clip=true, clip_norm=1)",
        "lamb(lr=0.1, bias_correction=false, max_grad_norm=0.5, clip_value=0.3, schedule=cosine(t_max=10))",
        "schedule-free-adamw(lr=0.1)", "schedule-free-adamw(lr=0.1, warmup_steps=3, r=1, weight_lr_power=1, weight_decay=0.1, clip_norm=1)",
        "muon(lr=0.1)", "muon(lr=0.1, nesterov=false, momentum=0.5, ns_steps=2, adjust_lr=match_rms_adamw, clip_norm=1, schedule=cosine(t_max=10))",
        // Lookahead: the inner rule's kernel, then the slow step every k-th step.
        "lookahead(adam(lr=0.1), k=2)", "lookahead(sgd(lr=0.1, momentum=0.9, weight_decay=0.01), k=3, alpha=0.3)",
        // The shared stages of the gradient prologue, and schedules that move lr and momentum every step.
        "adam(lr=0.1, clip_norm=0.5)", "sgd(lr=0.1, momentum=0.9, clip_value=0.3, decoupled_weight_decay=true, weight_decay=0.1)",
        "rmsprop(schedule=onecycle(max_lr=0.1, total_steps=1000))", "adagrad(clip_value=0.2, weight_decay=0.01)",
        "smoothed-nesterov(lr=0.1, points=3, clip_norm=1, weight_decay=0.01)", "nesterov(lr=0.1, clip_value=0.5, weight_decay=0.01)",
        "adadelta(schedule=cosine(t_max=10), decoupled_weight_decay=true, weight_decay=0.01)",
        "nadam(decoupled_weight_decay=true, weight_decay=0.01, schedule=step(step_size=3))",
        "adam(lr=0.1, schedule=sequential(linear(total_iters=4), cosine(t_max=20), milestones=[4]), clip_norm=2)",
        // Keras's prologue (global_clipnorm, p − (p·wd)·lr) and its kernels with every option.
        "sgd(lr=0.1, momentum=0.5, weight_decay=0.1, clip_norm=0.5)", "nadam(lr=0.1, weight_decay=0.01, clip_value=0.5)",
        "lion(lr=0.1, weight_decay=0.1, clip_norm=1)", "adamax(lr=0.1, weight_decay=0.01, clip_norm=2)", "nesterov(lr=0.1, momentum=0.5, clip_norm=1)",
        "lamb(lr=0.1, weight_decay=0.1, clip_value=0.5)",
        // Typed rules: the compiled body on every width against its own scalar tail, through every kind of operation.
        "rule(m = fma(g, 1-b1, m*b1); u = max(u*b2, abs(g)); p = p - lr/(1-b1^t)*m/(u + eps) | lr=0.1, b1=0.9, b2=0.999, eps=1e-8)",
        "rule(c = sign(b1*m + (1-b1)*g); m = b2*m + (1-b2)*g; p = p - lr*c | lr=0.1, b1=0.9, b2=0.99, weight_decay=0.01, decoupled_weight_decay=true)",
        "rule(a = a + abs(g); s = if(g > 0, exp(-a), log(1 + a)); p = p - lr*clip(s*g, -1, 1)*a^0.75 + tanh(p)*1e-3 + sin(p)^g*1e-9 | lr=0.1, a=0.5, clip_norm=1)",
        "rule(v = mu*v + lr*(grad(p - mu*v) + g)/2; p = p - v | lr=0.1, mu=0.9, weight_decay=0.01, schedule=cosine(t_max=10))",
    ];

    /// <summary>Every (convention, options) pair whose spec is valid under that convention (keras refuses the rules it lacks).</summary>
    public static IEnumerable<(Convention Convention, string Spec)> All()
    {
        foreach (var convention in OptimizerCatalog.Conventions)
        {
            foreach (string spec in Variants)
            {
                if (!Valid(spec, convention)) continue;
                yield return (convention, spec);
            }
        }
    }

    /// <summary>xUnit member data: one row per case.</summary>
    public static TheoryData<string, string> Rows()
    {
        var data = new TheoryData<string, string>();
        foreach (var (c, s) in All()) data.Add(OptimizerCatalog.Name(c), s);
        return data;
    }

    private static bool Valid(string spec, Convention convention)
    {
        try
        {
            OptimizerCatalog.Resolve(spec, convention);
            return true;
        }
        catch (SpecException)
        {
            return false;
        }
    }

    /// <summary>Creates the optimizer for a case, its passes run under <paramref name="kernel"/> (the defaults when null).</summary>
    public static Optimizer<T> Create<T>(string convention, string spec, int length, KernelSettings? kernel = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        (OptimizerCatalog.Resolve(spec, OptimizerCatalog.ParseConvention(convention)) with { Kernel = kernel ?? KernelSettings.Default }).Create<T>(length);

    /// <summary>Whether two values are the same bits, or both NaN (payloads may differ between instruction forms).</summary>
    public static bool Same<T>(T a, T b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (T.IsNaN(a) && T.IsNaN(b)) return true;
        return typeof(T) == typeof(float)
            ? BitConverter.SingleToInt32Bits((float)(object)a) == BitConverter.SingleToInt32Bits((float)(object)b)
            : BitConverter.DoubleToInt64Bits((double)(object)a) == BitConverter.DoubleToInt64Bits((double)(object)b);
    }
}
