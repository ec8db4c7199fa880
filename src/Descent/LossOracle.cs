namespace Descent;

/// <summary>
/// Evaluates the objective at <paramref name="point"/>: writes its gradient into <paramref name="gradient"/> and returns
/// its value. Rules that compare losses at points they choose (L-BFGS's line search) are stepped with one; it plays the
/// role of the closure in PyTorch's <c>optimizer.step(closure)</c>, which returns the loss after <c>backward()</c>.
/// </summary>
public delegate double LossOracle<T>(ReadOnlySpan<T> point, Span<T> gradient);
