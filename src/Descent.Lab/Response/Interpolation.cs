namespace Descent.Lab.Response;

/// <summary>How a look-ahead rule reads the signal between two samples (<c>--interpolation</c>).</summary>
public enum Interpolation
{
    /// <summary>True linear interpolation <c>X[f] + (i − f)·(X[f+1] − X[f])</c>; the default.</summary>
    Linear = 0,

    /// <summary>
    /// The lecture script's formula <c>X[f] + (i − f)·X[f+1]</c>, which adds the right neighbour instead
    /// of interpolating towards it. Only for reproducing the lecture's figures.
    /// </summary>
    Lecture = 1,
}
