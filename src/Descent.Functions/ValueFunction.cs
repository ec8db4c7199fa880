namespace Descent.Functions;

/// <summary>The value of a 2-D function at (<paramref name="x"/>, <paramref name="y"/>).</summary>
public delegate double ValueFunction(double x, double y);
