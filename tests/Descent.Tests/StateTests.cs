using System.Numerics;
using System.Runtime.InteropServices;
using Descent.Optimizers;
using Descent.Specs;

namespace Descent.Tests;

/// <summary>
/// Save and load: a run saved after K steps and resumed in a fresh optimizer is bit-identical to one
/// that never stopped, for every rule in the catalog, every convention and both precisions; bad state
/// bytes are refused with an <see cref="InvalidDataException"/> that says why.
/// </summary>
public sealed class StateTests
{
    private const int Length = 37;
    private const int ContinueSteps = 5;
    private static readonly int[] SaveAfter = [0, 1, 3, 7];

    /// <summary>A start point with spread signs and magnitudes.</summary>
    private static T[] Start<T>() where T : unmanaged, IFloatingPointIeee754<T> =>
        [.. Enumerable.Range(0, Length).Select(i => T.CreateTruncating(2.5 * Math.Sin(1.7 * i + 0.3)))];

    /// <summary>
    /// The gradient of Σ (i % 5 + 1)/8·(p_i − 0.5)² + p_i⁴/64: coupled to p, so state and parameters must
    /// both resume; gentle enough that every rule at its defaults (the lecture's lr 0.25) stays finite.
    /// </summary>
    private static double Loss<T>(ReadOnlySpan<T> p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double f = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double x = double.CreateTruncating(p[i]);
            f += (i % 5 + 1) / 8.0 * (x - 0.5) * (x - 0.5) + x * x * x * x / 64;
        }
        return f;
    }

    private static void Gradient<T>(ReadOnlySpan<T> p, Span<T> g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T half = T.CreateTruncating(0.5), b = T.CreateTruncating(0.0625);
        for (int i = 0; i < p.Length; i++)
            g[i] = T.CreateTruncating((i % 5 + 1) * 0.25) * (p[i] - half) + b * p[i] * p[i] * p[i];
    }

    public static TheoryData<string, Convention, string> EveryRule()
    {
        var data = new TheoryData<string, Convention, string>();
        foreach (var entry in OptimizerCatalog.Entries)
            foreach (var convention in OptimizerCatalog.Conventions.Where(entry.Has))
                foreach (string precision in new[] { "float", "double" })
                    data.Add(entry.Name, convention, precision);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRule))]
    public void SaveLoad_EveryRuleConventionAndPrecision_ResumesBitIdentical(string spec, Convention convention, string precision) =>
        AssertResumesBitIdentical(spec, convention, precision);

    [Theory]
    [RuleData("sgd", "sgd(lr=0.01, momentum=0.9, dampening=0.3, weight_decay=0.01)", Convention.PyTorch)]
    [RuleData("sgd", "sgd(lr=0.01, momentum=0.9, nesterov=true)", Convention.PyTorch)]
    [RuleData("momentum", "momentum(lr=0.01, dampening=0.5, weight_decay=0.1)", Convention.PyTorch)]
    [RuleData("nesterov", "nesterov(lr=0.01, momentum=0.5)", Convention.Lecture)]
    [RuleData("smoothed-nesterov", "smoothed-nesterov(lr=0.01, points=3)", Convention.Lecture)]
    [RuleData("adam", "adam(lr=0.05, weight_decay=0.1, amsgrad=true)", Convention.PyTorch)]
    [RuleData("adam", "adam(lr=0.05, amsgrad=true)", Convention.Lasagne)]
    [RuleData("adamw", "adamw(lr=0.05, amsgrad=true)", Convention.PyTorch)]
    [RuleData("adagrad", "adagrad(lr=0.1, lr_decay=0.1, weight_decay=0.1, initial_accumulator=0.1)", Convention.PyTorch)]
    [RuleData("adagrad", "adagrad(power=1, accumulate=abs)", Convention.Lecture)]
    [RuleData("rmsprop", "rmsprop(lr=0.01, momentum=0.5, centered=true, weight_decay=0.1)", Convention.PyTorch)]
    [RuleData("adadelta", "adadelta(initial_delta=50)", Convention.Lecture)]
    [RuleData("adadelta", "adadelta(weight_decay=0.1)", Convention.PyTorch)]
    [RuleData("adamax", "adamax(weight_decay=0.1)", Convention.PyTorch)]
    [RuleData("nadam", "nadam(lr=0.01, momentum_decay=0.1, weight_decay=0.1)", Convention.PyTorch)]
    [RuleData("radam", "radam(lr=0.01, beta2=0.9, weight_decay=0.1)", Convention.PyTorch)]
    // Rprop's step sizes start at lr on the first step only; ASGD's eta and mu are scalars outside the buffers.
    [RuleData("lion", "lion(lr=0.01, beta1=0.8, weight_decay=0.1)", Convention.PyTorch)]
    [RuleData("rprop", "rprop(lr=0.05, eta_minus=0.3, step_max=0.5, weight_decay=0.1)", Convention.PyTorch)]
    [RuleData("asgd", "asgd(lr=0.05, lambd=0.01, t0=3, weight_decay=0.1)", Convention.PyTorch)]
    // Schedule-Free's weight sum and largest rate are scalars outside the buffers; LAMB's norms are recomputed each step.
    [RuleData("adabelief", "adabelief(lr=0.05, beta2=0.99, weight_decay=0.1)", Convention.PyTorch)]
    [RuleData("lamb", "lamb(lr=0.05, trust_clip=true, max_grad_norm=0.5)", Convention.PyTorch)]
    [RuleData("schedule-free-adamw", "schedule-free-adamw(lr=0.05, warmup_steps=3, r=1, weight_decay=0.1)", Convention.PyTorch)]
    // Muon's momentum buffer is its whole state; its Newton–Schulz buffers are scratch.
    [RuleData("muon", "muon(lr=0.02, momentum=0.9, adjust_lr=match_rms_adamw, schedule=cosine(t_max=10))", Convention.PyTorch)]
    // Lookahead saves the inner rule's buffers and scalars (its schedule), the slow weights and whether they exist yet.
    [RuleData("lookahead", "lookahead(adam(lr=0.05, amsgrad=true, schedule=cosine(t_max=20)), k=3, alpha=0.6)", Convention.PyTorch)]
    [RuleData("lookahead", "lookahead(nesterov(lr=0.01, momentum=0.9), k=2)", Convention.Lecture)]
    // L-BFGS keeps its history pairs, 1/y·s, t, H_diag, prev_loss and its counters; a short history wraps around before the save.
    [RuleData("lbfgs", "lbfgs(lr=0.5, max_iter=3, history_size=2)", Convention.PyTorch)]
    [RuleData("lbfgs", "lbfgs(line_search=strong_wolfe, max_iter=4, history_size=3)", Convention.PyTorch)]
    [RuleData("lookahead", "lookahead(lbfgs(max_iter=2, history_size=4), k=3)", Convention.PyTorch)]
    // Schedules keep counters outside the buffers; a resumed schedule continues where it stopped.
    [RuleData("adam", "adam(lr=0.05, clip_norm=0.5, schedule=cosine-restarts(t_0=3, t_mult=2))", Convention.PyTorch)]
    [RuleData("sgd", "sgd(lr=0.01, momentum=0.9, schedule=onecycle(max_lr=0.05, total_steps=40))", Convention.PyTorch)]
    [RuleData("adam", "adam(lr=0.05, schedule=sequential(linear(total_iters=4), cosine(t_max=20), milestones=[4]))", Convention.Lecture)]
    [RuleData("rmsprop", "rmsprop(momentum=0.5, schedule=cyclic(base_lr=0.001, max_lr=0.01, step_size_up=3))", Convention.PyTorch)]
    [RuleData("adamw", "adamw(lr=0.05, clip_value=0.5, schedule=exponential(gamma=0.9))", Convention.PyTorch)]
    public void SaveLoad_NonDefaultOptions_ResumesBitIdentical(string rule, string spec, Convention convention)
    {
        Assert.Equal(rule, OptimizerSpec.Parse(spec).Name);
        AssertResumesBitIdentical(spec, convention, "float");
        AssertResumesBitIdentical(spec, convention, "double");
    }

    [Fact]
    public void SaveLoad_PlateauSchedule_ResumesItsBestLossAndCounters()
    {
        // A loss that stalls from step 4 on, so the plateau counts bad steps across the save.
        static double Loss(int t) => t < 4 ? 10.0 - t : 6.5;
        var options = OptimizerCatalog.Resolve("sgd(lr=0.1, schedule=plateau(factor=0.5, patience=2, cooldown=1))", Convention.PyTorch);
        double[] g = [.. Enumerable.Range(0, Length).Select(i => 0.01 * (i % 3 - 1))];
        var uninterrupted = options.Create<double>(Length);
        double[] pu = Start<double>();
        for (int t = 0; t < 12; t++) uninterrupted.Step(pu, g, Loss(t));
        var first = options.Create<double>(Length);
        double[] pr = Start<double>();
        for (int t = 0; t < 5; t++) first.Step(pr, g, Loss(t));
        var resumed = options.Create<double>(Length);
        resumed.LoadState(new MemoryStream(Bytes(first)));
        for (int t = 5; t < 12; t++) resumed.Step(pr, g, Loss(t));
        AssertBits<double>(pu, pr, "plateau-scheduled sgd saved after 5 steps");
        Assert.Equal(Bytes(uninterrupted), Bytes(resumed));
    }

    [Fact]
    public void SaveLoad_ParameterGroupsWithDifferentOptions_ResumesBitIdentical()
    {
        Adam<double> Make() => new(Length,
        [
            new ParameterGroup<AdamOptions>(0, 10, new AdamOptions { LearningRate = 0.05, AmsGrad = true }),
            new ParameterGroup<AdamOptions>(12, 20, new AdamWOptions { LearningRate = 0.01, WeightDecay = 0.1 }),
            new ParameterGroup<AdamOptions>(32, 5, new AdamOptions { Convention = Convention.Lasagne, LearningRate = 0.1 }),
        ]);
        AssertResumesBitIdentical(Make, 4);
    }

    /// <summary>Muon as training sets it up: a column-major matrix group, a tall one, and AdamW groups beside them.</summary>
    [Fact]
    public void SaveLoad_MuonMatricesWithAdamWGroups_ResumesBitIdentical()
    {
        var muon = new MuonOptions { LearningRate = 0.02 };
        Muon<double> Make() => new(Length,
        [
            new ParameterGroup<MuonOptions>(0, 12, muon) { Rows = 3, ColumnMajor = true },
            new ParameterGroup<MuonOptions>(12, 3, muon.AdamWGroup()),
            new ParameterGroup<MuonOptions>(15, 10, muon with { Nesterov = false }) { Rows = 5 },
            new ParameterGroup<MuonOptions>(25, 12, muon.AdamWGroup()),
        ]);
        AssertResumesBitIdentical(Make, 4);
    }

    private static void AssertResumesBitIdentical(string spec, Convention convention, string precision)
    {
        var options = OptimizerCatalog.Resolve(spec, convention);
        foreach (int k in SaveAfter)
        {
            if (precision == "float") AssertResumesBitIdentical(() => options.Create<float>(Length), k);
            else AssertResumesBitIdentical(() => options.Create<double>(Length), k);
        }
    }

    private static void AssertResumesBitIdentical<T>(Func<Optimizer<T>> create, int k) where T : unmanaged, IFloatingPointIeee754<T>
    {
        GradientOracle<T> oracle = Gradient;

        var uninterrupted = create();
        T[] pu = Start<T>();
        for (int t = 0; t < k + ContinueSteps; t++) uninterrupted.StepAny(pu, oracle, Loss);

        var first = create();
        T[] pr = Start<T>();
        for (int t = 0; t < k; t++) first.StepAny(pr, oracle, Loss);
        using var saved = new MemoryStream();
        first.SaveState(saved);
        saved.Position = 0;
        var resumed = create();
        resumed.LoadState(saved);
        Assert.Equal(saved.Length, saved.Position);
        Assert.Equal(k, resumed.StepCount);
        for (int t = 0; t < ContinueSteps; t++) resumed.StepAny(pr, oracle, Loss);

        string where = $"{uninterrupted.Name} saved after {k} steps, {typeof(T).Name}";
        Assert.True(pu.All(T.IsFinite), $"{where}: the test problem diverged");
        AssertBits(pu, pr, $"{where}: parameters");
        Assert.Equal(uninterrupted.StepCount, resumed.StepCount);
        Assert.Equal(uninterrupted.StateNames, resumed.StateNames);
        foreach (string name in uninterrupted.StateNames)
            AssertBits(uninterrupted.State(name), resumed.State(name), $"{where}: state '{name}'");
        Assert.Equal(Bytes(uninterrupted), Bytes(resumed));
    }

    private static void AssertBits<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual, string what) where T : unmanaged
    {
        Assert.Equal(expected.Length, actual.Length);
        var e = MemoryMarshal.AsBytes(expected);
        var a = MemoryMarshal.AsBytes(actual);
        if (!e.SequenceEqual(a))
        {
            int i;
            for (i = 0; i < expected.Length && MemoryMarshal.AsBytes(expected.Slice(i, 1)).SequenceEqual(MemoryMarshal.AsBytes(actual.Slice(i, 1))); i++) { }
            Assert.Fail($"{what} differ first at [{i}]: {expected[i]} uninterrupted, {actual[i]} resumed.");
        }
    }

    private static byte[] Bytes<T>(Optimizer<T> optimizer) where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var s = new MemoryStream();
        optimizer.SaveState(s);
        return s.ToArray();
    }

    private static byte[] SavedAfter<T>(Optimizer<T> optimizer, int steps) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] p = Start<T>();
        for (int t = 0; t < steps; t++) optimizer.StepAny(p, Gradient, Loss);
        return Bytes(optimizer);
    }

    private static InvalidDataException Refused<T>(Optimizer<T> target, byte[] bytes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        byte[] before = Bytes(target);
        var e = Assert.Throws<InvalidDataException>(() => target.LoadState(new MemoryStream(bytes)));
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(before, Bytes(target)); // a refused load changes nothing
        return e;
    }

    // ---- refusals ----

    [Theory]
    [InlineData("adam", "adamw", "'adam', not 'adamw'")]
    [InlineData("adamw", "adam", "'adamw', not 'adam'")]
    [InlineData("momentum", "nesterov", "'momentum', not 'nesterov'")]
    [InlineData("adam", "sgd", "'adam', not 'sgd'")]
    public void LoadState_OtherOptimizer_RefusedNamingBoth(string saved, string target, string expected)
    {
        var bytes = SavedAfter(OptimizerCatalog.Resolve(saved, Convention.PyTorch).Create<double>(Length), 3);
        var e = Refused(OptimizerCatalog.Resolve(target, Convention.PyTorch).Create<double>(Length), bytes);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void LoadState_FloatStateIntoDouble_RefusedNamingBothPrecisions()
    {
        var options = OptimizerCatalog.Resolve("adam", Convention.PyTorch);
        var e = Refused(options.Create<double>(Length), SavedAfter(options.Create<float>(Length), 2));
        Assert.Contains("float", e.Message);
        Assert.Contains("double", e.Message);
        e = Refused(options.Create<float>(Length), SavedAfter(options.Create<double>(Length), 2));
        Assert.Contains("State holds double values, expected float", e.Message);
    }

    [Fact]
    public void LoadState_OtherLength_RefusedNamingBothLengths()
    {
        var options = OptimizerCatalog.Resolve("adam", Convention.PyTorch);
        var e = Refused(options.Create<double>(Length + 1), SavedAfter(options.Create<double>(Length), 2));
        Assert.Contains($"{Length} parameters", e.Message);
        Assert.Contains($"{Length + 1}", e.Message);
    }

    [Fact]
    public void LoadState_OtherBuffers_RefusedListingThem()
    {
        // The same rule with other options keeps other state: SGD with momentum has a buffer, plain SGD none.
        var bytes = SavedAfter(OptimizerCatalog.Resolve("sgd(momentum=0.9)", Convention.PyTorch).Create<double>(Length), 2);
        var e = Refused(OptimizerCatalog.Resolve("sgd", Convention.PyTorch).Create<double>(Length), bytes);
        Assert.Contains("momentum_buffer", e.Message);
        bytes = SavedAfter(OptimizerCatalog.Resolve("adam", Convention.PyTorch).Create<double>(Length), 2);
        e = Refused(OptimizerCatalog.Resolve("adam(amsgrad=true)", Convention.PyTorch).Create<double>(Length), bytes);
        Assert.Contains("max_exp_avg_sq", e.Message);
    }

    [Theory]
    [RuleData("adam", "adam(amsgrad=true)")]
    [RuleData("nadam", "nadam")] // scalar state (the running product of momentum coefficients) at the end
    public void LoadState_TruncatedAnywhere_RefusedAsTruncated(string rule, string spec)
    {
        var options = OptimizerCatalog.Resolve(spec, Convention.PyTorch);
        Assert.Equal(rule, options.Name);
        byte[] bytes = SavedAfter(options.Create<double>(Length), 3);
        var target = options.Create<double>(Length);
        for (int cut = 0; cut < bytes.Length; cut++)
        {
            var e = Refused(target, bytes[..cut]);
            Assert.True(e.Message.Contains("truncated", StringComparison.Ordinal) || e.Message.Contains("bad magic", StringComparison.Ordinal),
                $"cut at {cut} of {bytes.Length}: {e.Message}");
        }
        Assert.Contains("truncated", Refused(target, bytes[..^1]).Message);
        Assert.Contains("truncated", Refused(target, []).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(7)]
    public void LoadState_BadMagic_RefusedAsNotAState(int position)
    {
        var options = OptimizerCatalog.Resolve("adam", Convention.PyTorch);
        byte[] bytes = SavedAfter(options.Create<double>(Length), 1);
        bytes[position] ^= 0x20;
        Assert.Contains("Not a Descent optimizer state (bad magic)", Refused(options.Create<double>(Length), bytes).Message);
    }

    [Fact]
    public void LoadState_TextFile_RefusedAsNotAState()
    {
        var target = OptimizerCatalog.Resolve("adam", Convention.PyTorch).Create<double>(Length);
        Assert.Contains("bad magic", Refused(target, "{\"optimizer\": \"adam\"}"u8.ToArray()).Message);
    }

    [Fact]
    public void LoadState_NewerFormatVersion_RefusedNamingVersions()
    {
        var options = OptimizerCatalog.Resolve("adam", Convention.PyTorch);
        byte[] bytes = SavedAfter(options.Create<double>(Length), 1);
        Assert.Equal(1, BitConverter.ToInt32(bytes, 8));
        BitConverter.GetBytes(3).CopyTo(bytes, 8);
        var e = Refused(options.Create<double>(Length), bytes);
        Assert.Contains("version 3", e.Message);
        Assert.Contains("versions 1 and 2", e.Message);
    }

    [Fact]
    public void SaveState_LbfgsHistory_WritesVersion2WithEachBufferLength()
    {
        var options = OptimizerCatalog.Resolve("lbfgs(history_size=3)", Convention.PyTorch);
        byte[] bytes = SavedAfter(options.Create<double>(Length), 2);
        Assert.Equal(2, BitConverter.ToInt32(bytes, 8));
        // Adam's state mirrors the parameters only: still version 1.
        Assert.Equal(1, BitConverter.ToInt32(SavedAfter(OptimizerCatalog.Resolve("adam", Convention.PyTorch).Create<double>(Length), 1), 8));
        // Another history size has other buffer lengths: refused, naming the buffer.
        var e = Refused(OptimizerCatalog.Resolve("lbfgs(history_size=4)", Convention.PyTorch).Create<double>(Length), bytes);
        Assert.Contains("old_dirs", e.Message);
    }

    [Fact]
    public void LoadState_CorruptLengthField_RefusedWithoutAllocating()
    {
        // magic(8) version(4) "adam"(1+4) "double"(1+6) step(8), then the length field.
        var options = OptimizerCatalog.Resolve("adam", Convention.PyTorch);
        byte[] bytes = SavedAfter(options.Create<double>(Length), 1);
        const int at = 8 + 4 + 5 + 7 + 8;
        Assert.Equal(Length, BitConverter.ToInt32(bytes, at));
        foreach (int corrupt in new[] { int.MaxValue, -1, 1 << 24 })
        {
            BitConverter.GetBytes(corrupt).CopyTo(bytes, at);
            Refused(options.Create<double>(Length), bytes);
        }
    }

    [Fact]
    public void LoadState_NegativeStepCount_Refused()
    {
        var options = OptimizerCatalog.Resolve("adam", Convention.PyTorch);
        byte[] bytes = SavedAfter(options.Create<double>(Length), 1);
        const int at = 8 + 4 + 5 + 7;
        Assert.Equal(1L, BitConverter.ToInt64(bytes, at));
        BitConverter.GetBytes(-5L).CopyTo(bytes, at);
        Refused(options.Create<double>(Length), bytes);
    }

    [Fact]
    public void LoadState_RefusedLoad_LeavesTheRunAsItWas()
    {
        var options = OptimizerCatalog.Resolve("adam(lr=0.05)", Convention.PyTorch);
        var reference = options.Create<double>(Length);
        var target = options.Create<double>(Length);
        double[] pr = Start<double>(), pt = Start<double>();
        for (int t = 0; t < 3; t++) { reference.Step(pr, Gradient); target.Step(pt, Gradient); }
        byte[] good = Bytes(target);
        Refused(target, good[..^3]);
        for (int t = 0; t < 3; t++) { reference.Step(pr, Gradient); target.Step(pt, Gradient); }
        AssertBits<double>(pr, pt, "parameters after a refused load");
    }

    [Fact]
    public void SaveState_Format_IsTheDocumentedVersion1Layout()
    {
        // Written by hand from OptimizerStateFile's documentation: magic, version, name, precision,
        // step, length, buffers (count, then name + values), scalars (count, then values).
        var sgd = OptimizerCatalog.Resolve("sgd(lr=0.5, momentum=0.5)", Convention.PyTorch).Create<double>(2);
        double[] p = [1, -2];
        sgd.Step(p, (ReadOnlySpan<double> _, Span<double> g) => { g[0] = 2; g[1] = -4; });
        // b = g = [2, −4]; p = [1 − 1, −2 + 2] = [0, 0]
        Assert.Equal([0.0, 0.0], p);
        using var expected = new MemoryStream();
        using (var w = new BinaryWriter(expected, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write("DESCENT\0"u8);
            w.Write(1);
            w.Write("sgd");
            w.Write("double");
            w.Write(1L);
            w.Write(2);
            w.Write(1);
            w.Write("momentum_buffer");
            w.Write(2.0);
            w.Write(-4.0);
            w.Write(0);
        }
        Assert.Equal(expected.ToArray(), Bytes(sgd));
    }
}
