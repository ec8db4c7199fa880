using System.Reflection;
using System.Reflection.Emit;
using Descent.Lab.Recipes;
using Descent.Lab.Render.Gallery;

namespace Descent.Lab.Render.Tests.Architecture;

/// <summary>
/// Renderers draw results; the experiments run in the lab or the command. Every method body of the render
/// assembly is decoded instruction by instruction, and none may call into an experiment's run or the trainer.
/// </summary>
public sealed class RenderCallsNoExperimentTests
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    // What running an experiment means: its Run and Validate, the trainer, and the lab's recipe runner itself.
    private static bool Runs(MethodBase method) => method.DeclaringType is { } type && (
        (type.FullName is "Descent.Lab.Trajectory.TrajectoryExperiment" or "Descent.Lab.Response.ResponseExperiment" or "Descent.Lab.Training.TrainingExperiment"
            && method.Name is "Run" or "Validate")
        || type.FullName == "Descent.Training.Trainer"
        || type == typeof(RecipeRunner));

    [Fact]
    public void RenderAssembly_NoMethod_RunsAnExperiment()
    {
        var assembly = typeof(GalleryReport).Assembly;
        var calls = new List<string>();
        int bodies = 0;
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                if (method.GetMethodBody()?.GetILAsByteArray() is not { } il) continue;
                bodies++;
                foreach (var callee in Callees(method, il))
                    if (Runs(callee)) calls.Add($"{type.FullName}.{method.Name} calls {callee.DeclaringType!.Name}.{callee.Name}");
            }
        Assert.True(bodies > 100, $"only {bodies} method bodies decoded");
        Assert.Empty(calls);
    }

    [Fact]
    public void Callees_AMethodThatRunsAnExperiment_IsFound()
    {
        // The decoder must see a call when there is one, or the test above proves nothing.
        var method = typeof(RenderCallsNoExperimentTests).GetMethod(nameof(RunsOne), BindingFlags.NonPublic | BindingFlags.Static)!;

        var callees = Callees(method, method.GetMethodBody()!.GetILAsByteArray()!).ToList();

        Assert.Contains(callees, Runs);
    }

    private static Lab.Trajectory.TrajectoryResult RunsOne() =>
        Lab.Trajectory.TrajectoryExperiment.Run(new Lab.Trajectory.TrajectoryConfig { Function = "x^2", Optimizers = ["sgd"] });

    private static IEnumerable<MethodBase> Callees(MethodBase method, byte[] il)
    {
        var module = method.Module;
        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var op = OpCodesByValue[value];
            i += op.Size;
            int operand = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
            if (op.OperandType == OperandType.InlineMethod)
            {
                MethodBase? callee = null;
                try { callee = module.ResolveMethod(BitConverter.ToInt32(il, i), typeArgs, methodArgs); }
                catch (ArgumentException) { }
                if (callee is not null) yield return callee;
            }
            i += operand;
        }
    }
}
