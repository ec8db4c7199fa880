using System.Numerics;

namespace Descent.Tests;

/// <summary>Steps any rule of the registry matrices: through a <see cref="LossOracle{T}"/> when it reads the loss (lbfgs).</summary>
internal static class OracleSteps
{
    /// <summary>One step with <paramref name="gradient"/>, and <paramref name="loss"/> for a rule that needs it.</summary>
    public static void StepAny<T>(this Optimizer<T> optimizer, Span<T> parameters, GradientOracle<T> gradient, Func<ReadOnlySpan<T>, double> loss)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!optimizer.NeedsLoss)
        {
            optimizer.Step(parameters, gradient);
            return;
        }
        optimizer.Step(parameters, (q, g) =>
        {
            gradient(q, g);
            return loss(q);
        });
    }
}
