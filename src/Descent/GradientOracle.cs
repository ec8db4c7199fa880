namespace Descent;

/// <summary>
/// Evaluates the gradient of the objective at <paramref name="point"/> into <paramref name="gradient"/>.
/// Look-ahead rules (the lecture's true Nesterov and smoothed Nesterov) need gradients away from the
/// current parameters; this plays the role of the closure in PyTorch's <c>optimizer.step(closure)</c>.
/// </summary>
public delegate void GradientOracle<T>(ReadOnlySpan<T> point, Span<T> gradient);
