using System.Text.Json;

namespace Descent.Tests.Schedules;

/// <summary>
/// torch.optim.lr_scheduler's learning rates from Reference/schedule_reference.json, made by
/// tools/reference/schedule_reference.py (PyTorch 1.13); no Descent code produced them.
/// </summary>
internal static class ScheduleReference
{
    private static readonly Lazy<IReadOnlyList<Case>> Loaded = new(Load);

    public static IReadOnlyList<Case> Cases => Loaded.Value;

    public static Case Get(string id) => Cases.Single(c => c.Id == id);

    /// <summary>One loop: <c>Lrs[t-1]</c> and <c>Momentum[t-1]</c> are what optimizer step t used.</summary>
    public sealed record Case(string Id, string Optimizer, string Schedule, int Steps, double[] Lrs, double[] Momentum, double[]? Losses)
    {
        public bool IsSgd => Optimizer.StartsWith("sgd", StringComparison.Ordinal);

        /// <summary>The optimizer's own learning rate, from <c>sgd(lr=…, momentum=0.9)</c> or <c>adam(lr=…)</c>.</summary>
        public double LearningRate => double.Parse(Optimizer.Split("lr=")[1].Split([',', ')'])[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IReadOnlyList<Case> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", "schedule_reference.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return [.. doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
            c.GetProperty("id").GetString()!,
            c.GetProperty("optimizer").GetString()!,
            c.GetProperty("schedule").GetString()!,
            c.GetProperty("steps").GetInt32(),
            [.. c.GetProperty("lrs").EnumerateArray().Select(x => x.GetDouble())],
            [.. c.GetProperty("momentum").EnumerateArray().Select(x => x.GetDouble())],
            c.GetProperty("losses").ValueKind == JsonValueKind.Null ? null : [.. c.GetProperty("losses").EnumerateArray().Select(x => x.GetDouble())]))];
    }
}
