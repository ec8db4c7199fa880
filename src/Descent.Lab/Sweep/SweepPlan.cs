using System.Globalization;
using Descent.Functions;
using Descent.Specs;

namespace Descent.Lab.Sweep;

/// <summary>A checked sweep (<see cref="SweepExperiment.Plan"/>): the problem, the cells and their runs, ready to run.</summary>
public sealed class SweepPlan
{
    private readonly Objective? _objective;
    private readonly IReadOnlyList<Point2> _starts;

    internal SweepPlan(SweepConfig config, string problemName, int steps, IReadOnlyList<PlannedOptimizer> optimizers, int runs,
        IReadOnlyList<Point2> starts, string problemKey, Objective? objective, SweepTraining? training = null)
    {
        Config = config;
        Problem = problemName;
        Steps = steps;
        Optimizers = optimizers;
        RunCount = runs;
        _starts = starts;
        ProblemKey = problemKey;
        _objective = objective;
        Training = training;
    }

    /// <summary>The config it was made from.</summary>
    public SweepConfig Config { get; }

    /// <summary>The function's name or formula, or <c>dataset/model</c>.</summary>
    public string Problem { get; }

    /// <summary>Steps or epochs per run.</summary>
    public int Steps { get; }

    /// <summary>Runs in all, every shard together.</summary>
    public int RunCount { get; }

    /// <summary>Whether the runs are on a landscape (true) or training runs.</summary>
    public bool Landscape => _objective is not null;

    /// <summary>The landscape, or null for a training sweep.</summary>
    public Objective? Objective => _objective;

    /// <summary>The starts of a landscape sweep (<see cref="SweepExperiment.Starts"/>); empty for training.</summary>
    public IReadOnlyList<Point2> Starts => _starts;

    internal IReadOnlyList<PlannedOptimizer> Optimizers { get; }

    internal string ProblemKey { get; }

    internal SweepTraining? Training { get; }

    internal int Repeats => Landscape ? Config.Starts : Config.Seeds;

    internal IEnumerable<PlannedRow> Rows()
    {
        int index = 0;
        for (int o = 0; o < Optimizers.Count; o++)
            for (int c = 0; c < Optimizers[o].Grid.Cells.Count; c++)
                for (int r = 0; r < Repeats; r++)
                    yield return Landscape
                        ? new PlannedRow(this, index++, o, c, r, _starts[r], null)
                        : new PlannedRow(this, index++, o, c, 0, null, (ulong)(r + 1));
    }

    internal string KeyOf(PlannedRow row) => SweepExperiment.CacheKey(ProblemKey, Config.Convention, Optimizers[row.Optimizer].Grid.Cells[row.Cell].Spec, Steps,
        row.StartPoint is Point2 p ? OptimizerSpec.RoundTrip(p.X) + "," + OptimizerSpec.RoundTrip(p.Y) : "seed " + row.Seed!.Value.ToString(CultureInfo.InvariantCulture),
        Config.Target);

    internal SweepOutcome Compute(PlannedRow row, CancellationToken cancellation) =>
        _objective is not null
            ? SweepExperiment.RunLandscape(Optimizers[row.Optimizer].Options[row.Cell], _objective, row.StartPoint!.Value, Steps, Config.Target, cancellation)
            : Training!.Run(Optimizers[row.Optimizer].Options[row.Cell], row.Seed!.Value, cancellation);
}
