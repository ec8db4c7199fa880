using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Descent.Web.Api;

/// <summary>
/// One JSON object of a request, read strictly: every key must be one of the schema's, none may repeat, and each
/// value must have its field's type; <c>null</c> or an absent optional field means the default. An error answers 400
/// naming the field by its JSON path (<c>start.y</c>, <c>optimizers[2]</c>) and repeats at most a short prefix of the
/// bad value (<see cref="ApiErrors.Echo"/>).
/// </summary>
public sealed partial class RequestObject
{
    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);
    private readonly string _prefix;
    private readonly string? _argument;
    private readonly string _shape;

    private RequestObject(string prefix, string? argument, string shape)
    {
        _prefix = prefix;
        _argument = argument;
        _shape = shape;
    }

    /// <summary>The request body: <paramref name="element"/> must be an object whose keys are among <paramref name="fields"/>.</summary>
    /// <exception cref="ApiRequestException">400: not an object, an unknown or repeated key.</exception>
    public static RequestObject Body(JsonElement element, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (element.ValueKind != JsonValueKind.Object)
            throw new ApiRequestException(StatusCodes.Status400BadRequest, new ApiError
            {
                Message = $"The request must be a JSON object (see API.md): got {Describe(element)}.",
            });
        var body = new RequestObject("", null, "an object");
        body.Collect(element, fields);
        return body;
    }

    /// <summary>
    /// The nested object at <paramref name="name"/> (whose keys must be among <paramref name="fields"/>, <paramref name="shape"/>
    /// shows it in messages), or null when absent or null.
    /// </summary>
    /// <exception cref="ApiRequestException">400: not an object, an unknown or repeated key.</exception>
    public RequestObject? Object(string name, IReadOnlyList<string> fields, string shape)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (Value(name) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.Object) throw WrongType(name, $"an object {shape}", value);
        var nested = new RequestObject(Path(name) + ".", ArgumentOf(name), shape);
        nested.Collect(value, fields);
        return nested;
    }

    /// <summary>The text at <paramref name="name"/>, or null when absent or null.</summary>
    /// <exception cref="ApiRequestException">400: not a string.</exception>
    public string? String(string name)
    {
        if (Value(name) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.String) throw WrongType(name, "a string", value);
        return Text(value, Path(name), ArgumentOf(name), null);
    }

    /// <summary>The list of texts at <paramref name="name"/>, or null when absent or null; <paramref name="item"/> says what one is.</summary>
    /// <exception cref="ApiRequestException">400: not a list, or an item that is not a string (with its index).</exception>
    public IReadOnlyList<string>? Strings(string name, string item)
    {
        if (Value(name) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.Array) throw WrongType(name, $"a list of strings ({item})", value);
        var list = new List<string>(value.GetArrayLength());
        int i = 0;
        foreach (var entry in value.EnumerateArray())
        {
            string path = FormattableString.Invariant($"{Path(name)}[{i}]");
            if (entry.ValueKind != JsonValueKind.String)
                throw Fault(path, ArgumentOf(name), i, $"expected a string ({item}), got {Describe(entry)}.");
            list.Add(Text(entry, path, ArgumentOf(name), i));
            i++;
        }
        return list;
    }

    /// <summary>
    /// The list of numbers at <paramref name="name"/>, or null when absent or null: JSON numbers or, as the API writes
    /// them, <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>; <paramref name="item"/> says what one is.
    /// </summary>
    /// <exception cref="ApiRequestException">400: not a list, or an item that is not a number (with its index).</exception>
    public IReadOnlyList<double>? Numbers(string name, string item)
    {
        if (Value(name) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.Array) throw WrongType(name, $"a list of numbers ({item})", value);
        var list = new List<double>(value.GetArrayLength());
        int i = 0;
        foreach (var entry in value.EnumerateArray())
        {
            list.Add(NumberOf(entry) ?? throw Fault(FormattableString.Invariant($"{Path(name)}[{i}]"), ArgumentOf(name), i,
                $"expected a number ({item}), got {Describe(entry)}."));
            i++;
        }
        return list;
    }

    /// <summary>The whole number at <paramref name="name"/>, or null when absent or null. <c>125.0</c> and <c>1.25e2</c> are 125.</summary>
    /// <exception cref="ApiRequestException">400: not a number, not whole, or beyond a 32-bit integer.</exception>
    public int? Integer(string name)
    {
        if (Value(name) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.Number) throw WrongType(name, "an integer", value);
        if (value.TryGetInt32(out int exact)) return exact;
        double d = double.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsInteger(d)) throw WrongType(name, "an integer", value);
        if (d is < int.MinValue or > int.MaxValue)
            throw Fault(Path(name), ArgumentOf(name), null, $"expected an integer, got {Describe(value)}, which is out of range.");
        return (int)d;
    }

    /// <summary>
    /// The number at <paramref name="name"/>, which must be there: a JSON number (one too large for a double is
    /// infinite) or, as the API writes them, the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.
    /// Whether a non-finite number is allowed is the Lab's to say, with its message.
    /// </summary>
    /// <exception cref="ApiRequestException">400: missing, or not a number.</exception>
    public double Number(string name)
    {
        if (!_values.TryGetValue(name, out var value)) throw Fault(Path(name), ArgumentOf(name), null, $"missing; {_prefix.TrimEnd('.')} is {_shape}.");
        return NumberOf(value) ?? throw WrongType(name, "a number", value);
    }

    private static double? NumberOf(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
            return double.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (value.ValueKind == JsonValueKind.String)
        {
            if (value.ValueEquals("NaN")) return double.NaN;
            if (value.ValueEquals("Infinity")) return double.PositiveInfinity;
            if (value.ValueEquals("-Infinity")) return double.NegativeInfinity;
        }
        return null;
    }

    private void Collect(JsonElement element, IReadOnlyList<string> fields)
    {
        foreach (var property in element.EnumerateObject())
        {
            string key = Text(property, _prefix, _argument);
            if (!fields.Contains(key, StringComparer.Ordinal))
                throw Fault(Path(key), _argument, null,
                    $"unknown field; valid{(_prefix.Length == 0 ? "" : $" in {_prefix.TrimEnd('.')}")}: {string.Join(", ", fields)}.");
            if (!_values.TryAdd(key, property.Value))
                throw Fault(Path(key), ArgumentOf(key), null, "given twice; give each field once.");
        }
    }

    private JsonElement? Value(string name) =>
        _values.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    // The CLI option a top-level field stands for ("optimizers" is --optimizer, given once per spec); a nested field's is its parent's.
    private string? ArgumentOf(string name) => _argument ?? (name == "optimizers" ? "optimizer" : name);

    private string Path(string key) => _prefix + (SimpleKey().IsMatch(key) ? key : ApiErrors.Echo(key));

    private ApiRequestException WrongType(string name, string expected, JsonElement value) =>
        Fault(Path(name), ArgumentOf(name), null, $"expected {expected}, got {Describe(value)}.");

    private static ApiRequestException Fault(string path, string? argument, int? index, string problem) =>
        new(StatusCodes.Status400BadRequest, new ApiError { Argument = argument, Field = path, Index = index, Message = ApiErrors.Shorten($"{path}: {problem}") });

    private static string Text(JsonElement value, string path, string? argument, int? index)
    {
        // A string whose escapes pair no surrogates ("\ud800") has no UTF-16 form.
        try { return value.GetString()!; }
        catch (InvalidOperationException e) { throw new ApiRequestException(StatusCodes.Status400BadRequest, Invalid(path, argument, index), e); }
    }

    private static string Text(JsonProperty property, string prefix, string? argument)
    {
        try { return property.Name; }
        catch (InvalidOperationException e) { throw new ApiRequestException(StatusCodes.Status400BadRequest, Invalid(prefix + "(a key)", argument, null), e); }
    }

    private static ApiError Invalid(string path, string? argument, int? index) =>
        new() { Argument = argument, Field = path, Index = index, Message = $"{path}: not valid Unicode text (an unpaired surrogate escape)." };

    /// <summary>A value as an error repeats it: a string's first <see cref="ApiErrors.MaxEcho"/> characters, a number's text, or its kind.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => TryText(value) is { } s ? ApiErrors.Echo(s) : "a string that is not valid Unicode",
        JsonValueKind.Number => ApiErrors.Prefix(value.GetRawText(), ApiErrors.MaxEcho) is var n && n.Length < value.GetRawText().Length ? n + "…" : n,
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    private static string? TryText(JsonElement value)
    {
        try { return value.GetString(); }
        catch (InvalidOperationException) { return null; }
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,40}$")]
    private static partial Regex SimpleKey();
}
