using System.Text.Json;
using System.Text.Json.Serialization;

namespace Descent.Lab.Sweep;

/// <summary><see cref="ExactDoubleConverter"/> for an optional number: null stays null.</summary>
public sealed class ExactNullableDoubleConverter : JsonConverter<double?>
{
    private static readonly ExactDoubleConverter Inner = new();

    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(double), options);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is double v) Inner.Write(writer, v, options);
        else writer.WriteNullValue();
    }
}
