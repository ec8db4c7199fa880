using System.Globalization;
using System.Numerics;
using Descent.Specs;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Descent.Tests;

/// <summary>
/// The keras convention against Reference/keras_trajectories.json (tools/reference/keras_reference.py: Keras 3's
/// <c>update_step</c> of every rule it has, transcribed into NumPy float64 from keras/src/optimizers at the commit the
/// script names, which reproduces shared/reference/keras_trajectories.json bit for bit). Every step of every case, 320
/// steps on the strongly convex quartic or the gradient sequence, within 1e-12 relative: keys left out check Keras's
/// defaults; the cases cover momentum and Nesterov, centered RMSprop with momentum, AMSGrad, AdamW, Adamax, Nadam's
/// 0.96^t schedule, Lion, Lamb's trust ratio, decoupled weight_decay, global_clipnorm and clipvalue.
/// </summary>
public sealed class KerasRuleParityTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-12;

    [Theory]
    [KerasCases("sgd")]
    [KerasCases("momentum")]
    [KerasCases("nesterov")]
    [KerasCases("rmsprop")]
    [KerasCases("adagrad")]
    [KerasCases("adadelta")]
    [KerasCases("adam")]
    [KerasCases("adamw")]
    [KerasCases("adamax")]
    [KerasCases("nadam")]
    [KerasCases("lion")]
    [KerasCases("lamb")]
    public void KerasRule_ReferenceCase_MatchesKerasEveryStep(string id)
    {
        var c = PyTorchReference.Keras[id];
        double worst = Run<double>(c);
        output.WriteLine($"{c.Id} {c.Spec} = {c.Torch}: worst relative deviation {worst:E2}");
    }

    /// <summary>
    /// 8 copies of the 5 parameters (40 elements), so the vector bodies of every width run, not only the scalar tail
    /// (clip_norm and lamb left out: a norm over 8 copies is another norm, summed in another order).
    /// </summary>
    [Theory]
    [KerasCases("sgd", without: "clip_norm")]
    [KerasCases("rmsprop", without: "clip_norm")]
    [KerasCases("adam", without: "clip_norm")]
    [KerasCases("nadam", without: "clip_norm")]
    [KerasCases("lion", without: "clip_norm")]
    [KerasCases("adamax", without: "clip_norm")]
    public void KerasRule_ReferenceCaseOnEightCopies_EveryCopyMatchesKeras(string id) => Run<double>(PyTorchReference.Keras[id], copies: 8);

    [Fact]
    public void ReferenceFile_EveryKerasRule_HasDefaultsDecayClippingAndSequenceCases()
    {
        var cases = PyTorchReference.Keras.Cases;
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct().Count());
        // Keras's own rules; lookahead, a wrapper, runs under every convention around them.
        var kerasRules = OptimizerCatalog.Entries.Where(e => e.Has(Convention.Keras) && !e.Wrapper).Select(e => e.Name).ToList();
        Assert.All(kerasRules, rule => Assert.Contains(cases, c => c.Rule == rule && c.Spec == rule));
        Assert.All(kerasRules, rule => Assert.Contains(cases, c => c.Rule == rule && c.Objective == "sequence"));
        Assert.All(cases, c => Assert.True(c.Steps >= 300 && c.Trajectory.Length == c.Steps, c.Id));
        foreach (string key in new[] { "weight_decay", "clip_norm", "clip_value", "amsgrad", "centered", "nesterov", "initial_accumulator" })
            Assert.Contains(cases, c => OptimizerSpec.Parse(c.Spec)[key] is not null);
    }

    [Fact]
    public void KerasConvention_RulesKerasLacks_AreRefusedNamingTheRulesItHas()
    {
        foreach (var entry in OptimizerCatalog.Entries.Where(e => !e.Has(Convention.Keras)))
        {
            var e = Assert.Throws<SpecException>(() => OptimizerCatalog.Resolve(entry.Name, Convention.Keras));
            Assert.Equal($"{entry.Name} has no keras formula; keras has: sgd, momentum, nesterov, adagrad, rmsprop, adadelta, adam, adamw, adamax, nadam, lion, lamb (lookahead wraps any of them).", e.Message);
        }
        Assert.Contains(OptimizerCatalog.Entries, e => e.Name == "rprop" && !e.Has(Convention.Keras));
    }

    [Fact]
    public void KerasConvention_Defaults_AreKeras3s()
    {
        string Describe(string rule) => OptimizerCatalog.Describe(OptimizerCatalog.Resolve(rule, Convention.Keras)).ToString();
        Assert.Equal("sgd(lr=0.01, momentum=0, nesterov=false, weight_decay=0)", Describe("sgd"));
        Assert.Equal("adagrad(lr=0.001, eps=1e-07, initial_accumulator=0.1, weight_decay=0)", Describe("adagrad"));
        Assert.Equal("adadelta(lr=0.001, rho=0.95, eps=1e-07, initial_delta=0, weight_decay=0)", Describe("adadelta"));
        Assert.Equal("rmsprop(lr=0.001, rho=0.9, eps=1e-07, momentum=0, centered=false, weight_decay=0)", Describe("rmsprop"));
        Assert.Equal("adamw(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-07, amsgrad=false, weight_decay=0.004)", Describe("adamw"));
        Assert.Equal("lion(lr=0.001, beta1=0.9, beta2=0.99, weight_decay=0)", Describe("lion"));
        Assert.Equal("lamb(lr=0.001, beta1=0.9, beta2=0.999, eps=1e-07, weight_decay=0)", Describe("lamb"));
    }

    [Fact]
    public void KerasConvention_DecoupledWeightDecayKey_DoesNotExist()
    {
        var e = Assert.Throws<SpecException>(() => OptimizerCatalog.Resolve("adam(decoupled_weight_decay=true)", Convention.Keras));
        Assert.Contains("does not exist in the keras convention", e.Message);
    }

    private static double Deviation(double actual, double expected) =>
        actual.Equals(expected) ? 0
        : double.IsFinite(expected) ? Math.Abs(actual - expected) / Math.Max(1e-300, Math.Abs(expected))
        : double.PositiveInfinity;

    private static double Run<T>(PyTorchReference.Case c, int copies = 1) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var data = PyTorchReference.Keras;
        var options = OptimizerCatalog.Resolve(c.Spec, Convention.Keras);
        int n = c.Start.Length;
        var optimizer = options.Create<T>(n * copies);
        T[] p = [.. Enumerable.Repeat(c.Start, copies).SelectMany(x => x).Select(T.CreateTruncating)];
        T[] g = new T[p.Length];
        double worst = 0;
        for (int t = 1; t <= c.Steps; t++)
        {
            for (int k = 0; k < copies; k++)
                ParityObjective.Gradient<T>(data, c.Objective, t, p.AsSpan(k * n, n), g.AsSpan(k * n, n));
            optimizer.Step(p, g);
            for (int i = 0; i < p.Length; i++)
            {
                double expected = c.Trajectory[t - 1][i % n];
                double deviation = Deviation(double.CreateTruncating(p[i]), expected);
                if (!(deviation <= Tolerance))
                    throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                        $"{c.Id} {c.Spec} vs {c.Torch}: step {t}, p[{i}] = {double.CreateTruncating(p[i]):R}, Keras {expected:R} (deviation {deviation:E2} > {Tolerance:E0})."));
                worst = Math.Max(worst, deviation);
            }
        }
        return worst;
    }
}
