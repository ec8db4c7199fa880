using System.Reflection;
using Descent.Specs;
using Xunit.Sdk;

namespace Descent.Tests;

/// <summary>
/// Whether a rule is in <see cref="OptimizerCatalog"/>. Tests written for a rule that is not there
/// yet are skipped with a reason that names it, never passed silently.
/// </summary>
internal static class RuleAvailability
{
    public static bool Has(string rule) => OptimizerCatalog.Names.Contains(rule);

    public static string? SkipReason(string rule) => Has(rule)
        ? null
        : $"optimizer '{rule}' is not in OptimizerCatalog yet; its cases stay in the data and run once the rule exists";
}

/// <summary>One theory row for <paramref name="rule"/> (passed as the first argument); skipped while the rule is missing.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class RuleDataAttribute : DataAttribute
{
    private readonly object[] _row;

    public RuleDataAttribute(string rule, params object[] data)
    {
        _row = [rule, .. data];
        Skip = RuleAvailability.SkipReason(rule);
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [_row];
}

/// <summary>A fact about <paramref name="rule"/>; skipped while the rule is missing.</summary>
public sealed class RuleFactAttribute : FactAttribute
{
    public RuleFactAttribute(string rule) => Skip = RuleAvailability.SkipReason(rule);
}
