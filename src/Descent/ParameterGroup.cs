namespace Descent;

/// <summary>
/// A slice <c>[Offset, Offset + Length)</c> of the flat parameter buffer stepped with its own options,
/// as a PyTorch parameter group. State buffers mirror the parameter layout, so a group's state is the
/// same slice of each state buffer.
/// </summary>
public sealed record ParameterGroup<TOptions>(int Offset, int Length, TOptions Options)
    where TOptions : OptimizerOptions;
