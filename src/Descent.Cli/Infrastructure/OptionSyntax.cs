using System.Globalization;
using System.Reflection;
using Spectre.Console.Cli;

namespace Descent.Cli.Infrastructure;

/// <summary>One option of a command as the argument check sees it: its names, whether it takes a value, and what values are valid.</summary>
public sealed class OptionSyntax
{
    private OptionSyntax(PropertyInfo property, CommandOptionAttribute option)
    {
        Names = [.. option.LongNames.Select(n => "--" + n), .. option.ShortNames.Select(n => "-" + n)];
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        IsFlag = type == typeof(bool);
        IsRepeatable = property.PropertyType.IsArray;
        ElementType = property.PropertyType.IsArray ? property.PropertyType.GetElementType()! : type;
        Range = property.GetCustomAttribute<ValidRangeAttribute>();
        ValueName = option.ValueName;
    }

    /// <summary>Every name, long ones first: <c>--steps</c>.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The first long name.</summary>
    public string Name => Names[0];

    /// <summary>A switch without a value (it may still be given <c>=true</c> or <c>=false</c>).</summary>
    public bool IsFlag { get; }

    /// <summary>May be given more than once (an array property such as <c>--optimizer</c>).</summary>
    public bool IsRepeatable { get; }

    /// <summary>The type one value converts to.</summary>
    public Type ElementType { get; }

    /// <summary>The value's placeholder in the help, e.g. <c>N</c>.</summary>
    public string? ValueName { get; }

    /// <summary>The declared range of an integer option.</summary>
    public ValidRangeAttribute? Range { get; }

    /// <summary>Whether the value is a whole number.</summary>
    public bool IsInteger => ElementType == typeof(int) || ElementType == typeof(long);

    /// <summary>What values are valid, for messages: "1 to 100000", "1 or more", "a SPEC".</summary>
    public string ValidValues
    {
        get
        {
            if (IsFlag) return "no value (or =true, =false)";
            if (!IsInteger) return $"a {ValueName ?? "value"}";
            var (min, max) = Bounds;
            return Range?.Text ?? (max == TypeBounds.Max
                ? string.Create(CultureInfo.InvariantCulture, $"whole numbers {min} or more")
                : string.Create(CultureInfo.InvariantCulture, $"whole numbers {min} to {max}"));
        }
    }

    /// <summary>The message for an integer <paramref name="value"/> outside <see cref="Bounds"/>, worded as the commands word theirs.</summary>
    public string OutOfRange(long value)
    {
        var (min, max) = Bounds;
        return max == TypeBounds.Max
            ? string.Create(CultureInfo.InvariantCulture, $"must be at least {min}, got {value}.")
            : string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}, got {value}.");
    }

    /// <summary>The smallest and largest value of an integer option.</summary>
    public (long Min, long Max) Bounds => Range is { } r ? (r.Min, r.Max) : TypeBounds;

    /// <summary>The values the option's type holds.</summary>
    public (long Min, long Max) TypeBounds => ElementType == typeof(int) ? (int.MinValue, int.MaxValue) : (long.MinValue, long.MaxValue);

    /// <summary>The options of a settings type, inherited ones included.</summary>
    public static IReadOnlyList<OptionSyntax> Of(Type settings) =>
        [.. settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<CommandOptionAttribute>()))
            .Where(p => p.Attribute is { IsHidden: false })
            .Select(p => new OptionSyntax(p.Property, p.Attribute!))
            .OrderBy(o => o.Name, StringComparer.Ordinal)];
}
