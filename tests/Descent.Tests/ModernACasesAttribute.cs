using System.Reflection;
using Xunit.Sdk;

namespace Descent.Tests;

/// <summary>The cases of Reference/modern_a_trajectories.json for one rule; skipped while the rule is missing.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ModernACasesAttribute : DataAttribute
{
    private readonly string _rule;

    /// <param name="rule">The Descent rule name.</param>
    public ModernACasesAttribute(string rule)
    {
        _rule = rule;
        Skip = RuleAvailability.SkipReason(rule);
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        PyTorchReference.ModernA.Cases.Where(c => c.Rule == _rule).Select(c => new object[] { c.Id });
}
