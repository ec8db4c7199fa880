using System.Text.Json.Serialization;

namespace Descent.Lab.Bench;

/// <summary>
/// One optimizer's steady-state step speed: nanoseconds per parameter, the bandwidth it achieves from
/// the bytes its rule must move per parameter, and the machine's copy bandwidth measured in the same run.
/// </summary>
public sealed record BenchRow(
    [property: JsonPropertyName("optimizer")] string Optimizer,
    [property: JsonPropertyName("params")] long Params,
    [property: JsonPropertyName("precision")] string Precision,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("ns_per_param")] double NsPerParam,
    [property: JsonPropertyName("gbytes_per_s")] double GBytesPerS,
    [property: JsonPropertyName("bound_gbytes_per_s")] double BoundGBytesPerS)
{
    /// <summary>Bytes the rule reads and writes per parameter.</summary>
    [JsonPropertyName("bytes_per_param")]
    public int BytesPerParam { get; init; }

    /// <summary>Achieved bandwidth as a fraction of the copy bound.</summary>
    [JsonPropertyName("fraction_of_bound")]
    public double FractionOfBound => BoundGBytesPerS > 0 ? GBytesPerS / BoundGBytesPerS : 0;
}
