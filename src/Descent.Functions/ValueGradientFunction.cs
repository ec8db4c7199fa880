namespace Descent.Functions;

/// <summary>
/// The value of a 2-D function at (<paramref name="x"/>, <paramref name="y"/>), with its exact partial
/// derivatives ∂f/∂x in <paramref name="dx"/> and ∂f/∂y in <paramref name="dy"/>.
/// </summary>
public delegate double ValueGradientFunction(double x, double y, out double dx, out double dy);
