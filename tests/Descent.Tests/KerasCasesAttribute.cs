using System.Reflection;
using Descent.Specs;
using Xunit.Sdk;

namespace Descent.Tests;

/// <summary>The cases of Reference/keras_trajectories.json for one rule, optionally without those that set <c>without</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class KerasCasesAttribute(string rule, string? without = null) : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        PyTorchReference.Keras.Cases
            .Where(c => c.Rule == rule && (without is null || OptimizerSpec.Parse(c.Spec)[without] is null))
            .Select(c => new object[] { c.Id });
}
