namespace Descent.Lab;

/// <summary>
/// How far an experiment has come: <paramref name="Done"/> of <paramref name="Total"/> units of work
/// (a response curve, a trajectory, an epoch), the last one finished being <paramref name="Label"/>.
/// Experiments report through <see cref="IProgress{T}"/> so the CLI can draw a bar and the page a spinner.
/// </summary>
public readonly record struct LabProgress(int Done, int Total, string Label)
{
    /// <summary>The fraction done, in [0, 1].</summary>
    public double Fraction => Total <= 0 ? 1 : (double)Done / Total;
}
