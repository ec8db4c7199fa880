namespace Descent.Lab.Response;

/// <summary>
/// What a gradient-response run computes: a signal fed step by step as the gradient to each optimizer
/// (double precision, one parameter starting at 0). The same fields as <c>descent response</c>'s options.
/// </summary>
public sealed record ResponseConfig
{
    /// <summary>A built-in signal's name (<c>rectangles</c>) or the path of a one-column CSV file (<c>--signal</c>).</summary>
    public required string Signal { get; init; }

    /// <summary>One spec per curve (<c>adam(lr=0.25, beta1=0.9)</c>), kept exactly as written (<c>--optimizer</c>).</summary>
    public IReadOnlyList<string> Optimizers { get; init => field = [.. value]; } = [];

    /// <summary>Whose formulas and defaults the specs mean (<c>--convention</c>); PyTorch's unless set.</summary>
    public Convention Convention { get; init; } = Convention.PyTorch;

    /// <summary>Steps to run, 1 to the signal's length; null runs the whole signal (<c>--steps</c>).</summary>
    public int? Steps { get; init; }

    /// <summary>How look-ahead rules read the signal between samples (<c>--interpolation</c>).</summary>
    public Interpolation Interpolation { get; init; } = Interpolation.Linear;
}
