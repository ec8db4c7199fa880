using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Descent.Lab.IO;

/// <summary>
/// Doubles in result files read back to the same bits. System.Text.Json writes the shortest form, which on .NET 10
/// is one ulp off for a few powers of two (2^-25 as <c>2.980232238769531E-08</c>); those get their 17 digits, as
/// <see cref="Descent.Specs.OptimizerSpec.RoundTrip(double)"/> does for specs. NaN and infinities are the strings
/// <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>, as the serializer's named literals write them.
/// </summary>
internal sealed class RoundTripDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                var other => throw new JsonException($"'{other}' is not a number; numbers are written as digits, or as \"NaN\", \"Infinity\", \"-Infinity\"."),
            };
        }
        return reader.GetDouble();
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsNaN(value)) writer.WriteStringValue("NaN");
        else if (double.IsPositiveInfinity(value)) writer.WriteStringValue("Infinity");
        else if (double.IsNegativeInfinity(value)) writer.WriteStringValue("-Infinity");
        else
        {
            Span<char> text = stackalloc char[32];
            value.TryFormat(text, out int length, "R", CultureInfo.InvariantCulture);
            if (double.Parse(text[..length], NumberStyles.Float, CultureInfo.InvariantCulture) == value) writer.WriteNumberValue(value);
            else writer.WriteRawValue(value.ToString("G17", CultureInfo.InvariantCulture), skipInputValidation: true);
        }
    }
}
