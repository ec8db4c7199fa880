using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Descent.Specs;

namespace Descent.Lab.Sweep;

/// <summary>
/// Writes a double as the text that reads back to the same bits (<see cref="OptimizerSpec.RoundTrip(double)"/>) and
/// NaN and infinities as strings, so shards and caches give the merged sweep exactly the numbers they computed.
/// </summary>
public sealed class ExactDoubleConverter : JsonConverter<double>
{
    /// <inheritdoc/>
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            string text = reader.GetString()!;
            return text switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                _ => throw new JsonException($"'{OptimizerSpec.Quote(text)}' is not a number."),
            };
        }
        return double.Parse(System.Text.Encoding.UTF8.GetString(reader.ValueSpan), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value)) writer.WriteRawValue(OptimizerSpec.RoundTrip(value), skipInputValidation: true);
        else writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }
}
