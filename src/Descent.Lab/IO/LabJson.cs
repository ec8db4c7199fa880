using System.Text.Json;
using System.Text.Json.Serialization;

namespace Descent.Lab.IO;

/// <summary>
/// JSON for every experiment's configs and results (System.Text.Json): snake_case property names,
/// enums as lower-case names (<c>"lecture"</c>), NaN and infinities as the strings <c>"NaN"</c>,
/// <c>"Infinity"</c>, <c>"-Infinity"</c> (so diverged runs round-trip), every double read back to its bits, indented.
/// </summary>
public static class LabJson
{
    /// <summary>The shared serializer options (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary><paramref name="value"/> as JSON text.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Writes <paramref name="value"/> as JSON to <paramref name="stream"/>.</summary>
    public static void Write<T>(Stream stream, T value) => JsonSerializer.Serialize(stream, value, Options);

    /// <summary>Reads a <typeparamref name="T"/> from JSON text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="LabInputException">Malformed JSON or a missing required field.</exception>
    public static T Deserialize<T>(string json, string source = "JSON")
    {
        try { return JsonSerializer.Deserialize<T>(json, Options) ?? throw Empty(source); }
        catch (JsonException e) { throw Malformed(source, e); }
    }

    /// <summary>Reads a <typeparamref name="T"/> from <paramref name="stream"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="LabInputException">Malformed JSON or a missing required field.</exception>
    public static T Read<T>(Stream stream, string source = "JSON")
    {
        try { return JsonSerializer.Deserialize<T>(stream, Options) ?? throw Empty(source); }
        catch (JsonException e) { throw Malformed(source, e); }
    }

    /// <summary>Reads a <typeparamref name="T"/> from the file at <paramref name="path"/>.</summary>
    /// <exception cref="LabInputException">A missing, unreadable or malformed file.</exception>
    public static T ReadFile<T>(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Read<T>(stream, path);
        }
        catch (IOException e) { throw new LabInputException(null, $"'{path}' cannot be read: {e.Message}", e); }
        catch (UnauthorizedAccessException e) { throw new LabInputException(null, $"'{path}' cannot be read: {e.Message}", e); }
    }

    private static LabInputException Empty(string source) => new(null, $"{source} holds null instead of a result.");

    private static LabInputException Malformed(string source, JsonException e)
    {
        string where = e.LineNumber is long line ? $", line {line + 1}" : "";
        string message = e.Message.Split('\n')[0].Trim();
        return new LabInputException(null, $"{source}{where}: not a valid result file: {message}", e);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            WriteIndented = true,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(new LowerCase(), allowIntegerValues: false));
        options.Converters.Add(new RoundTripDoubleConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    // Enum names as on the command line: PyTorch is "pytorch", not snake_case's "py_torch".
    private sealed class LowerCase : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
