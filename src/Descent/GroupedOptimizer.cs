using System.Numerics;

namespace Descent;

/// <summary>
/// An optimizer whose flat buffer is split into parameter groups, each with its own options. Groups
/// are disjoint slices; parameters outside every group are left untouched.
/// </summary>
public abstract class GroupedOptimizer<T, TOptions> : Optimizer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TOptions : OptimizerOptions
{
    private readonly ParameterGroup<TOptions>[] _groups;

    /// <summary>Validates the groups and allocates state for <paramref name="length"/> parameters.</summary>
    protected GroupedOptimizer(int length, IReadOnlyList<ParameterGroup<TOptions>> groups, IReadOnlyList<string> stateNames, int scalarsPerGroup = 0)
        : base(length, stateNames, scalarsPerGroup * groups.Count)
    {
        if (groups.Count == 0) throw new ArgumentException("At least one parameter group is needed.", nameof(groups));
        _groups = [.. groups.OrderBy(g => g.Offset)];
        int end = 0;
        foreach (var g in _groups)
        {
            if (g.Offset < 0 || g.Length < 0 || g.Offset + (long)g.Length > length)
                throw new ArgumentException($"Group [{g.Offset}, {g.Offset + g.Length}) lies outside the {length} parameters.", nameof(groups));
            if (g.Offset < end) throw new ArgumentException($"Group at {g.Offset} overlaps the previous group.", nameof(groups));
            end = g.Offset + g.Length;
            g.Options.EnsureValid();
        }
        ScalarsPerGroup = scalarsPerGroup;
    }

    /// <summary>The parameter groups, in buffer order.</summary>
    public IReadOnlyList<ParameterGroup<TOptions>> Groups => _groups;

    /// <inheritdoc/>
    public override string Name => _groups[0].Options.Name;

    /// <summary>How many entries of <see cref="Optimizer{T}.Scalars"/> each group owns.</summary>
    protected int ScalarsPerGroup { get; }

    /// <summary>A single group covering all <paramref name="length"/> parameters.</summary>
    protected static ParameterGroup<TOptions>[] Whole(int length, TOptions options) => [new(0, length, options)];

    /// <summary>The group's slice of state buffer <paramref name="index"/>.</summary>
    protected Span<T> Buffer(int index, ParameterGroup<TOptions> group) => Buffer(index).Slice(group.Offset, group.Length);

    /// <summary>The group's scalars.</summary>
    protected Span<double> GroupScalars(int groupIndex) => Scalars.AsSpan(groupIndex * ScalarsPerGroup, ScalarsPerGroup);

    /// <inheritdoc/>
    protected sealed override void StepCore(Span<T> parameters, ReadOnlySpan<T> gradients, long t)
    {
        for (int i = 0; i < _groups.Length; i++)
        {
            var group = _groups[i];
            StepGroup(i, group, parameters.Slice(group.Offset, group.Length), gradients.Slice(group.Offset, group.Length), t);
        }
    }

    /// <summary>Steps one group's slice.</summary>
    protected abstract void StepGroup(int index, ParameterGroup<TOptions> group, Span<T> p, ReadOnlySpan<T> g, long t);

    /// <summary>Converts a hyperparameter to the working precision.</summary>
    protected static T C(double value) => T.CreateTruncating(value);
}
