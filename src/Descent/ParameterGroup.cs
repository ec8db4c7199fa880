namespace Descent;

/// <summary>
/// A slice <c>[Offset, Offset + Length)</c> of the flat parameter buffer stepped with its own options,
/// as a PyTorch parameter group. State buffers mirror the parameter layout, so a group's state is the
/// same slice of each state buffer.
/// </summary>
public sealed record ParameterGroup<TOptions>(int Offset, int Length, TOptions Options)
    where TOptions : OptimizerOptions
{
    /// <summary>
    /// Rows of the matrix the group holds, for rules that see a matrix (Muon): the group is
    /// <c>Rows × (Length / Rows)</c>. 1 by default, so a group without a shape is the 1×n matrix of its
    /// elements (a trajectory's two coordinates are the 1×2 matrix [[x, y]]).
    /// </summary>
    public int Rows { get; init; } = 1;

    /// <summary>
    /// True when the matrix is stored column by column (a dense layer keeps its inputs × outputs weights
    /// row-major, which is PyTorch's outputs × inputs weight stored column-major).
    /// </summary>
    public bool ColumnMajor { get; init; }

    /// <summary>Columns of the matrix: <c>Length / Rows</c>.</summary>
    public int Columns => Rows > 0 ? Length / Rows : 0;
}
