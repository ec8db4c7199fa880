using System.Numerics;

namespace Descent.Optimizers;

/// <summary>
/// L-BFGS (Nocedal 1980; Liu &amp; Nocedal 1989) as torch.optim.LBFGS 1.13 computes it, a port of minFunc: one step is one
/// <c>step(closure)</c>, up to <c>max_iter</c> iterations of
/// <code>
/// y ← g − g_prev ;  s ← d·t ;  if y·s &gt; 1e-10: keep (y, s, 1/y·s) (at most history_size), H ← y·s / y·y
/// d ← −H̃·g  (two-loop recursion over the kept pairs, H̃₀ = H·I) ;  t ← lr (first iteration: min(1, 1/‖g‖₁)·lr)
/// p ← p + t·d  (or t from the strong-Wolfe line search)
/// </code>
/// stopping on <c>tolerance_grad</c>, <c>tolerance_change</c>, <c>max_eval</c> evaluations or <c>max_iter</c>. It reads
/// the loss, so it is stepped with a <see cref="LossOracle{T}"/>. State: the last direction <c>d</c> and gradient
/// <c>prev_flat_grad</c> (per parameter), the history pairs <c>old_dirs</c>, <c>old_stps</c> (saved, not shown), and as
/// scalars t, H_diag, prev_loss, n_iter, func_evals, the history length and 1/y·s of each pair; the counter
/// <c>history</c> is the number of pairs kept. Every scalar of the iteration is in the working precision except the
/// line search's, in double as Python's floats.
/// </summary>
public sealed class Lbfgs<T> : GroupedOptimizer<T, LbfgsOptions> where T : unmanaged, IFloatingPointIeee754<T>
{
    // Scalars of the one group, then 1/y·s of each history slot.
    private const int StepSize = 0, HDiagonal = 1, PreviousLoss = 2, Iterations = 3, Evaluations = 4, Kept = 5, Oldest = 6, Ro = 7;
    private const double C1 = 1e-4, C2 = 0.9;

    private readonly int _history;
    private readonly double[] _al;

    /// <summary>L-BFGS over <paramref name="length"/> parameters (torch's LBFGS has one parameter group).</summary>
    public Lbfgs(int length, LbfgsOptions options)
        : base(length, Whole(length, Validated(options)), ["d", "prev_flat_grad"], Ro + options.HistorySize, Storage(length, options))
    {
        _history = options.HistorySize;
        _al = new double[_history];
        GroupScalars(0)[HDiagonal] = 1;
    }

    private static LbfgsOptions Validated(LbfgsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        return options;
    }

    private static (string Name, int Length)[] Storage(int length, LbfgsOptions options)
    {
        long size = (long)options.HistorySize * length;
        if (size > Array.MaxLength)
            throw new ArgumentException($"lbfgs: history_size {options.HistorySize} × {length} parameters is above {Array.MaxLength} values per history buffer; lower history_size.", nameof(options));
        return [("old_dirs", (int)size), ("old_stps", (int)size)];
    }

    /// <inheritdoc/>
    public override bool NeedsLoss => true;

    /// <inheritdoc/>
    public override IReadOnlyList<string> CounterNames => ["history"];

    /// <inheritdoc/>
    public override double Counter(string name) => name == "history" ? GroupScalars(0)[Kept] : base.Counter(name);

    /// <summary>Closure calls over all steps so far (torch's <c>state['func_evals']</c>).</summary>
    public long FunctionEvaluations => (long)GroupScalars(0)[Evaluations];

    /// <inheritdoc/>
    protected override void StepGroup(int index, ParameterGroup<LbfgsOptions> group, Span<T> p, ReadOnlySpan<T> g, long t) =>
        throw new InvalidOperationException("lbfgs is stepped through its loss oracle.");

    /// <inheritdoc/>
    protected override double StepCore(Span<T> p, LossOracle<T> oracle, long step)
    {
        var o = Groups[0].Options;
        var s = GroupScalars(0);
        int n = Length, h = _history;
        // The largest index first: Scratch grows by reallocating, which would strand spans taken before.
        Span<T> sv = Scratch(9), yv = Scratch(8), flat = Scratch(0);
        Span<T> d = Buffer(0), previous = Buffer(1), dirs = Buffer(2), stps = Buffer(3);
        T tolGrad = C(o.ToleranceGrad), tolChange = C(o.ToleranceChange);
        int maxIter = o.MaxIter, maxEval = o.EffectiveMaxEval;

        double origLoss = oracle(p, flat);
        double loss = origLoss;
        int currentEvals = 1;
        s[Evaluations] += 1;
        if (AbsMax(flat) <= tolGrad) return origLoss;

        T t = C(s[StepSize]), hDiag = C(s[HDiagonal]);
        double prevLoss = s[PreviousLoss];
        int kept = (int)s[Kept], oldest = (int)s[Oldest];
        int nIter = 0;
        while (nIter < maxIter)
        {
            nIter++;
            s[Iterations] += 1;
            if (s[Iterations] == 1)
            {
                for (int i = 0; i < n; i++) d[i] = -flat[i];
                kept = 0;
                oldest = 0;
                hDiag = T.One;
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    yv[i] = flat[i] - previous[i];
                    sv[i] = d[i] * t;
                }
                T ys = Dot(yv, sv);
                if (ys > C(1e-10))
                {
                    if (kept == h)
                    {
                        oldest = (oldest + 1) % h;
                        kept--;
                    }
                    int slot = (oldest + kept) % h;
                    yv.CopyTo(dirs.Slice(slot * n, n));
                    sv.CopyTo(stps.Slice(slot * n, n));
                    s[Ro + slot] = double.CreateTruncating(T.One / ys);
                    kept++;
                    hDiag = ys / Dot(yv, yv);
                }
                // The two-loop recursion, in d itself: q = −g, then r = H·q.
                for (int i = 0; i < n; i++) d[i] = -flat[i];
                for (int k = kept - 1; k >= 0; k--)
                {
                    int slot = (oldest + k) % h;
                    T al = Dot(stps.Slice(slot * n, n), d) * C(s[Ro + slot]);
                    _al[k] = double.CreateTruncating(al);
                    Axpy(-al, dirs.Slice(slot * n, n), d);
                }
                for (int i = 0; i < n; i++) d[i] *= hDiag;
                for (int k = 0; k < kept; k++)
                {
                    int slot = (oldest + k) % h;
                    T be = Dot(dirs.Slice(slot * n, n), d) * C(s[Ro + slot]);
                    Axpy(C(_al[k]) - be, stps.Slice(slot * n, n), d);
                }
            }
            flat.CopyTo(previous);
            prevLoss = loss;

            if (s[Iterations] == 1)
            {
                // torch: min(1., 1./flat_grad.abs().sum()) * lr — Python's min keeps 1. unless the tensor is smaller.
                T inverse = T.One / AbsSum(flat);
                t = inverse < T.One ? inverse * C(LearningRate(0)) : C(1.0 * LearningRate(0));
            }
            else t = C(LearningRate(0));

            T gtd = Dot(flat, d);
            if (gtd > C(-o.ToleranceChange)) break;

            int lsEvals = 0;
            bool optCond = false;
            if (o.StrongWolfe)
            {
                (loss, double step_, lsEvals) = StrongWolfe(oracle, p, double.CreateTruncating(t), d, loss, flat, double.CreateTruncating(gtd), o.ToleranceChange);
                t = C(step_);
                Axpy(t, d, p);
                optCond = AbsMax(flat) <= tolGrad;
            }
            else
            {
                Axpy(t, d, p);
                // torch skips the evaluation after the last iteration: the next step starts with one.
                if (nIter != maxIter)
                {
                    loss = oracle(p, flat);
                    optCond = AbsMax(flat) <= tolGrad;
                    lsEvals = 1;
                }
            }
            currentEvals += lsEvals;
            s[Evaluations] += lsEvals;

            if (nIter == maxIter) break;
            if (currentEvals >= maxEval) break;
            if (optCond) break;
            if (AbsMaxScaled(d, t) <= tolChange) break;
            if (Math.Abs(loss - prevLoss) < o.ToleranceChange) break;
        }
        s[StepSize] = double.CreateTruncating(t);
        s[HDiagonal] = double.CreateTruncating(hDiag);
        s[PreviousLoss] = prevLoss;
        s[Kept] = kept;
        s[Oldest] = oldest;
        return origLoss;
    }

    /// <summary>
    /// torch's <c>_strong_wolfe</c> (a port of minFunc's lswolfe, c1 = 1e-4, c2 = 0.9, 25 evaluations at most) from the
    /// parameters <paramref name="p"/> along <paramref name="d"/>: returns the loss and step of the point it picks and
    /// leaves that point's gradient in <paramref name="g"/>. Python's <c>min</c>/<c>max</c> (the first argument unless the
    /// second is strictly smaller/larger) and its evaluation order are kept.
    /// </summary>
    private (double Loss, double Step, int Evaluations) StrongWolfe(LossOracle<T> oracle, ReadOnlySpan<T> p, double t, ReadOnlySpan<T> d,
        double f, Span<T> g, double gtd, double toleranceChange)
    {
        Span<T> gInit = Scratch(7), point = Scratch(6), bracketG1 = Scratch(5), bracketG0 = Scratch(4), gPrev = Scratch(3), gNew = Scratch(2);
        double dNorm = double.CreateTruncating(AbsMax(d));
        g.CopyTo(gInit);
        double Evaluate(double step, Span<T> into, ReadOnlySpan<T> from, ReadOnlySpan<T> dir, Span<T> at)
        {
            T tt = C(step);
            for (int i = 0; i < at.Length; i++) at[i] = T.FusedMultiplyAdd(tt, dir[i], from[i]);
            return oracle(at, into);
        }

        double fNew = Evaluate(t, gNew, p, d, point);
        int evals = 1;
        double gtdNew = double.CreateTruncating(Dot(gNew, d));
        double tPrev = 0, fPrev = f, gtdPrev = gtd;
        gInit.CopyTo(gPrev);
        bool done = false;
        int lsIter = 0;
        Span<double> bracket = stackalloc double[2], bracketF = stackalloc double[2], bracketGtd = stackalloc double[2];
        int size = 0;
        while (lsIter < LbfgsOptions.MaxLineSearch)
        {
            if (fNew > f + C1 * t * gtd || (lsIter > 1 && fNew >= fPrev) || (!(Math.Abs(gtdNew) <= -C2 * gtd) && gtdNew >= 0))
            {
                bracket[0] = tPrev; bracket[1] = t;
                bracketF[0] = fPrev; bracketF[1] = fNew;
                gPrev.CopyTo(bracketG0); gNew.CopyTo(bracketG1);
                bracketGtd[0] = gtdPrev; bracketGtd[1] = gtdNew;
                size = 2;
                break;
            }
            if (Math.Abs(gtdNew) <= -C2 * gtd)
            {
                bracket[0] = t;
                bracketF[0] = fNew;
                gNew.CopyTo(bracketG0);
                size = 1;
                done = true;
                break;
            }
            double minStep = t + 0.01 * (t - tPrev), maxStep = t * 10, tmp = t;
            t = CubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
            tPrev = tmp;
            fPrev = fNew;
            gNew.CopyTo(gPrev);
            gtdPrev = gtdNew;
            fNew = Evaluate(t, gNew, p, d, point);
            evals++;
            gtdNew = double.CreateTruncating(Dot(gNew, d));
            lsIter++;
        }
        if (lsIter == LbfgsOptions.MaxLineSearch)
        {
            bracket[0] = 0; bracket[1] = t;
            bracketF[0] = f; bracketF[1] = fNew;
            gInit.CopyTo(bracketG0); gNew.CopyTo(bracketG1);
            size = 2;
        }

        bool insufficient = false;
        var (low, high) = bracketF[0] <= bracketF[size - 1] ? (0, 1) : (1, 0);
        while (!done && lsIter < LbfgsOptions.MaxLineSearch)
        {
            if (Math.Abs(bracket[1] - bracket[0]) * dNorm < toleranceChange) break;
            t = CubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1], null, null);
            double top = PyMax(bracket[0], bracket[1]), bottom = PyMin(bracket[0], bracket[1]);
            double eps = 0.1 * (top - bottom);
            if (PyMin(top - t, t - bottom) < eps)
            {
                if (insufficient || t >= top || t <= bottom)
                {
                    t = Math.Abs(t - top) < Math.Abs(t - bottom) ? top - eps : bottom + eps;
                    insufficient = false;
                }
                else insufficient = true;
            }
            else insufficient = false;

            fNew = Evaluate(t, gNew, p, d, point);
            evals++;
            gtdNew = double.CreateTruncating(Dot(gNew, d));
            lsIter++;

            if (fNew > f + C1 * t * gtd || fNew >= bracketF[low])
            {
                bracket[high] = t;
                bracketF[high] = fNew;
                gNew.CopyTo(high == 0 ? bracketG0 : bracketG1);
                bracketGtd[high] = gtdNew;
                (low, high) = bracketF[0] <= bracketF[1] ? (0, 1) : (1, 0);
            }
            else
            {
                if (Math.Abs(gtdNew) <= -C2 * gtd) done = true;
                else if (gtdNew * (bracket[high] - bracket[low]) >= 0)
                {
                    bracket[high] = bracket[low];
                    bracketF[high] = bracketF[low];
                    (low == 0 ? bracketG0 : bracketG1).CopyTo(high == 0 ? bracketG0 : bracketG1);
                    bracketGtd[high] = bracketGtd[low];
                }
                bracket[low] = t;
                bracketF[low] = fNew;
                gNew.CopyTo(low == 0 ? bracketG0 : bracketG1);
                bracketGtd[low] = gtdNew;
            }
        }
        (low == 0 ? bracketG0 : bracketG1).CopyTo(g);
        return (bracketF[low], bracket[low], evals);
    }

    /// <summary>torch's <c>_cubic_interpolate</c>: the minimum of the cubic through two points with slopes, clamped to the bounds (the points' span when none).</summary>
    private static double CubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, double? lower, double? upper)
    {
        double xmin = lower ?? (x1 <= x2 ? x1 : x2), xmax = upper ?? (x1 <= x2 ? x2 : x1);
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square >= 0)
        {
            double d2 = Math.Sqrt(d2Square);
            double minPos = x1 <= x2
                ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            return PyMin(PyMax(minPos, xmin), xmax);
        }
        return (xmin + xmax) / 2.0;
    }

    private static double PyMax(double a, double b) => b > a ? b : a;

    private static double PyMin(double a, double b) => b < a ? b : a;

    private static T Dot(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
    {
        T sum = T.Zero;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    // torch's add_(x, alpha=a): one fused multiply-add per element on its CPU kernels.
    private static void Axpy(T a, ReadOnlySpan<T> x, Span<T> y)
    {
        for (int i = 0; i < y.Length; i++) y[i] = T.FusedMultiplyAdd(a, x[i], y[i]);
    }

    // torch's abs().max() propagates NaN.
    private static T AbsMax(ReadOnlySpan<T> x)
    {
        T most = T.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            T a = T.Abs(x[i]);
            if (T.IsNaN(a)) return a;
            if (a > most) most = a;
        }
        return most;
    }

    private static T AbsMaxScaled(ReadOnlySpan<T> d, T t)
    {
        T most = T.Zero;
        for (int i = 0; i < d.Length; i++)
        {
            T a = T.Abs(d[i] * t);
            if (T.IsNaN(a)) return a;
            if (a > most) most = a;
        }
        return most;
    }

    private static T AbsSum(ReadOnlySpan<T> x)
    {
        T sum = T.Zero;
        for (int i = 0; i < x.Length; i++) sum += T.Abs(x[i]);
        return sum;
    }
}
