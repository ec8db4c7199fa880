using System.Reflection;
using Xunit.Sdk;

namespace Descent.Tests;

/// <summary>The cases of Reference/modern_rule_trajectories.json for one rule; skipped while the rule is missing.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ModernCasesAttribute : DataAttribute
{
    private readonly string _rule;
    private readonly bool _torchDefaultDType;

    /// <param name="rule">The Descent rule name.</param>
    /// <param name="torchDefaultDType">Whether to take the cases run with torch's out-of-the-box default dtype instead of the strict ones.</param>
    public ModernCasesAttribute(string rule, bool torchDefaultDType = false)
    {
        _rule = rule;
        _torchDefaultDType = torchDefaultDType;
        Skip = RuleAvailability.SkipReason(rule);
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        PyTorchReference.Modern.Cases
            .Where(c => c.Rule == _rule && (c.DefaultDType != c.DType) == _torchDefaultDType)
            .Select(c => new object[] { c.Id });
}
