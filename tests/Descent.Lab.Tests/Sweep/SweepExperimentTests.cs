using Descent.Functions;
using Descent.Lab.IO;
using Descent.Lab.Sweep;
using Descent.Lab.Trajectory;

namespace Descent.Lab.Tests.Sweep;

public sealed class SweepExperimentTests
{
    private static SweepConfig Config(int starts = 3, double? target = 1.0, params string[] optimizers) => new()
    {
        Function = "hills-and-canyon",
        Convention = Convention.Lasagne,
        Optimizers = optimizers.Length > 0 ? optimizers
            : ["adam(lr=[0.01..1:5log])", "sgd(lr=[0.1,30])", "smoothed-nesterov(lr=[0.01,0.05], momentum=0.9)", "sgd(lr=0.05, schedule=cosine(t_max=[50,125]))"],
        Steps = 60,
        Starts = starts,
        Target = target,
    };

    [Fact]
    public void Run_EveryRow_EqualsTrajectoryWithTheRowsSpecAndStartBitForBit()
    {
        var config = Config();
        var result = SweepExperiment.Run(config);

        Assert.Equal((5 + 2 + 2 + 2) * 3, result.Rows.Count);
        Assert.Contains(result.Rows, r => r.Outcome.Diverged);
        Assert.Contains(result.Rows, r => r.Outcome.StepsToTarget is not null);
        AssertRowsEqualTrajectory(config, result);
    }

    [Fact]
    public void Run_RulesBeyondTheLecture_EveryRowEqualsTrajectoryBitForBit()
    {
        // L-BFGS steps through a loss oracle, Schedule-Free is judged at its evaluation point x, Lookahead wraps a rule,
        // Muon orthogonalizes the 1×2 matrix: each row must still be what descent trajectory reports for its spec.
        var config = Config(2, 1.0, "lbfgs(lr=[0.5,1])", "schedule-free-adamw(lr=[0.05,0.25])", "lookahead(adam(lr=[0.1,0.25]), k=5)",
            "muon(lr=[0.02,0.2])", "lamb(lr=0.25)") with { Convention = Convention.PyTorch };
        var result = SweepExperiment.Run(config);

        Assert.Equal((2 + 2 + 2 + 2 + 1) * 2, result.Rows.Count);
        AssertRowsEqualTrajectory(config, result);
    }

    private static void AssertRowsEqualTrajectory(SweepConfig config, SweepResult result)
    {
        foreach (var row in result.Rows)
        {
            var path = TrajectoryExperiment.Run(new TrajectoryConfig
            {
                Function = config.Function!,
                Convention = config.Convention,
                Optimizers = [row.Spec],
                Start = new Point2(row.StartX!.Value, row.StartY!.Value),
                Steps = config.Steps,
            }).Paths[0];
            var summary = path.Summary;
            Assert.Equal(BitConverter.DoubleToInt64Bits(summary.FinalLoss), BitConverter.DoubleToInt64Bits(row.Outcome.FinalLoss));
            Assert.Equal(summary.FinalStep, row.Outcome.FinalStep);
            Assert.Equal(summary.Diverged, row.Outcome.Diverged);
            var losses = path.Loss.Take(summary.FinalStep + 1).ToList();
            Assert.Equal(losses.Min(), row.Outcome.BestLoss);
            int first = losses.FindIndex(l => l <= 1.0);
            Assert.Equal(first < 0 ? null : first, row.Outcome.StepsToTarget);
        }
    }

    [Fact]
    public void Starts_FirstIsTheFunctionsOwnAndTheOthersLieInItsDomain()
    {
        var objective = FunctionCatalog.Resolve("hills-and-canyon");

        var starts = SweepExperiment.Starts(objective, 50);

        Assert.Equal(objective.Start, starts[0]);
        Assert.All(starts, s => Assert.True(objective.Domain.Contains(s.X, s.Y)));
        Assert.Equal(50, starts.Distinct().Count());
        Assert.Equal(starts, SweepExperiment.Starts(objective, 50));
    }

    [Fact]
    public void Run_OneThreadOrTwo_TheSameJson()
    {
        var config = Config();

        string one = LabJson.Serialize(SweepExperiment.Run(config, new SweepRunOptions { Threads = 1 }));
        string two = LabJson.Serialize(SweepExperiment.Run(config, new SweepRunOptions { Threads = 2 }));

        Assert.Equal(one, two);
    }

    [Fact]
    public void Run_SecondTimeWithTheCache_ComputesNothingAndAnExtendedGridOnlyItsNewCells()
    {
        var cache = new MemoryCache();
        var config = Config(starts: 2, optimizers: ["adam(lr=[0.01,0.1])"]);

        var first = SweepExperiment.Run(config, new SweepRunOptions { Cache = cache });
        var again = SweepExperiment.Run(config, new SweepRunOptions { Cache = cache });
        var extended = SweepExperiment.Run(config with { Optimizers = ["adam(lr=[0.01,0.1,1])"] }, new SweepRunOptions { Cache = cache });

        Assert.Equal(4, first.ComputedRuns);
        Assert.Equal(0, again.ComputedRuns);
        Assert.Equal(4, again.CachedRuns);
        Assert.Equal(LabJson.Serialize(first), LabJson.Serialize(again));
        Assert.Equal(2, extended.ComputedRuns);
        Assert.Equal(first.Rows[0].Outcome, extended.Rows[0].Outcome);
    }

    [Fact]
    public void Merge_ThreeShardsThroughTheirFiles_EqualsTheUnshardedSweep()
    {
        var config = Config();
        var whole = SweepExperiment.Run(config);
        var shards = Enumerable.Range(0, 3).Select(i =>
        {
            var part = SweepExperiment.Run(config, new SweepRunOptions { ShardIndex = i, ShardCount = 3 });
            var shard = new SweepShard { Shard = i, Shards = 3, Runs = whole.Rows.Count, Result = part };
            return LabJson.Deserialize<SweepShard>(LabJson.Serialize(shard));
        }).Reverse().ToList();

        var merged = SweepMerge.Merge(shards);

        Assert.Equal(LabJson.Serialize(whole), LabJson.Serialize(merged));
        Assert.Equal(SweepCsv.ToText(whole), SweepCsv.ToText(merged));
    }

    [Fact]
    public void Merge_MissingShard_RefusedNamingIt()
    {
        var config = Config(optimizers: ["sgd(lr=[0.01,0.1])"]);
        var shards = new[] { 0, 2 }.Select(i => new SweepShard
        {
            Shard = i, Shards = 3, Runs = 6, Result = SweepExperiment.Run(config, new SweepRunOptions { ShardIndex = i, ShardCount = 3 }),
        }).ToList();

        var e = Assert.Throws<LabInputException>(() => SweepMerge.Merge(shards));

        Assert.Contains("missing shard 1 of 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_TooManyRuns_RefusedBeforeAnyWork()
    {
        var e = Assert.Throws<LabInputException>(() => SweepExperiment.Plan(Config(starts: 1000, optimizers: ["adam(lr=[1e-4..1:1000log], beta1=[0.5,0.9])"])));

        Assert.Equal("optimizer", e.Argument);
        Assert.Contains("1,000,000 runs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_BadCell_NamesTheConcreteSpec()
    {
        var e = Assert.Throws<LabInputException>(() => SweepExperiment.Plan(Config(optimizers: ["adam(lr=[0.1,0.2], beta1=[0.5,2])"])));

        Assert.Equal("optimizer", e.Argument);
        Assert.Contains("beta1=2", e.Message, StringComparison.Ordinal);
    }

    private sealed class MemoryCache : ISweepCache
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SweepOutcome> _entries = new();

        public SweepOutcome? Find(string key) => _entries.GetValueOrDefault(key);

        public void Store(IReadOnlyList<KeyValuePair<string, SweepOutcome>> batch)
        {
            foreach (var (k, v) in batch) _entries[k] = v;
        }
    }
}
