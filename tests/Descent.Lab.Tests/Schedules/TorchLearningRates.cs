using System.Text.Json;

namespace Descent.Lab.Tests.Schedules;

/// <summary>
/// torch.optim.lr_scheduler 1.13's learning rates (Reference/schedule_reference.json, made by
/// tools/reference/schedule_reference.py; no Descent code produced them): per case the optimizer, the
/// Descent schedule spec, and <c>Lrs[t-1]</c>, the learning rate optimizer step t used. Read with a plain
/// JsonDocument, independently of the lab's own JSON code.
/// </summary>
public static class TorchLearningRates
{
    private static readonly Lazy<IReadOnlyList<Case>> Loaded = new(Load);

    /// <summary>Every case, in file order.</summary>
    public static IReadOnlyList<Case> Cases => Loaded.Value;

    /// <summary>The cases whose schedule does not read a loss (every one but <c>plateau</c>): any experiment gives them the same numbers.</summary>
    public static IReadOnlyList<Case> LossFree => [.. Cases.Where(c => !c.Schedule.StartsWith("plateau", StringComparison.Ordinal))];

    /// <summary>One reference loop.</summary>
    public sealed record Case(string Id, string Optimizer, string Schedule, double[] Lrs)
    {
        /// <summary>The optimizer spec with the schedule as its <c>schedule</c> key: <c>sgd(lr=0.1, momentum=0.9, schedule=step(step_size=7))</c>.</summary>
        public string Spec => $"{Optimizer[..^1]}, schedule={Schedule})";
    }

    /// <summary>Fails unless <paramref name="actual"/> holds <paramref name="expected"/>'s first <paramref name="count"/> values within 1e-12 relative.</summary>
    public static void AssertPrefix(string what, IReadOnlyList<double> expected, IReadOnlyList<double> actual, int count)
    {
        Assert.True(actual.Count >= count && expected.Count >= count, $"{what}: {actual.Count} recorded, {expected.Count} in the reference, {count} needed");
        for (int t = 0; t < count; t++)
            if (!(Math.Abs(actual[t] - expected[t]) <= 1e-12 * Math.Abs(expected[t])))
                Assert.Fail($"{what}: lr of step {t + 1}: expected {expected[t]:R}, got {actual[t]:R}");
    }

    private static IReadOnlyList<Case> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "schedule_reference.json")));
        return [.. doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
            c.GetProperty("id").GetString()!,
            c.GetProperty("optimizer").GetString()!,
            c.GetProperty("schedule").GetString()!,
            [.. c.GetProperty("lrs").EnumerateArray().Select(x => x.GetDouble())]))];
    }
}
