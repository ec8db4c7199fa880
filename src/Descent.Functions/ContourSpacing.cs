namespace Descent.Functions;

/// <summary>How automatic contour levels are spaced.</summary>
public enum ContourSpacing
{
    /// <summary>Evenly spaced values (a round step: 1, 2, 2.5 or 5 times a power of ten).</summary>
    Linear,

    /// <summary>
    /// 1, 2, 5 times powers of ten above the lowest value, for functions whose values span decades
    /// (Rosenbrock, Beale, Goldstein–Price): evenly spaced levels would all crowd the walls.
    /// </summary>
    Logarithmic,
}
