namespace Descent.Lab.Tests.Registry;

/// <summary>
/// A user's own rule, registered from this test assembly exactly as a library user registers one: signSGD
/// (Bernstein et al. 2018), <c>p ← p − lr·sign(g)</c>. It has only the keys every rule shares.
/// </summary>
public sealed record SignSgdOptions : OptimizerOptions
{
    /// <inheritdoc/>
    public override string Name => "sign-sgd";

    /// <inheritdoc/>
    public override Optimizer<T> Create<T>(int length) => new SignSgd<T>(length, this);
}
