using System.Numerics;

namespace Descent;

/// <summary>
/// The hyperparameters of one update rule under one <see cref="Convention"/>. Each derived record is
/// the only place its defaults are written: the property initializers hold PyTorch's defaults and a
/// static <c>For(Convention)</c> overrides those that another convention sets differently.
/// </summary>
public abstract record OptimizerOptions
{
    /// <summary>Which library's formula the rule follows.</summary>
    public Convention Convention { get; init; } = Convention.PyTorch;

    /// <summary>The rule's name in specs and on the command line (<c>adam</c>, <c>rmsprop</c>…).</summary>
    public abstract string Name { get; }

    /// <summary>Problems with the values (out of range, inconsistent); empty when valid.</summary>
    public virtual IEnumerable<string> Validate() => [];

    /// <summary>
    /// Gradient evaluations one step takes: 1, or the look-ahead points of a rule that averages several
    /// (<c>smoothed-nesterov</c>). What a run's budget of work counts.
    /// </summary>
    public virtual int GradientsPerStep() => 1;

    /// <summary>Creates the optimizer for a flat buffer of <paramref name="length"/> parameters, one group.</summary>
    public abstract Optimizer<T> Create<T>(int length) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem <see cref="Validate"/> finds.</summary>
    public void EnsureValid()
    {
        var problems = Validate().ToList();
        if (problems.Count > 0) throw new ArgumentException($"{Name}: {string.Join("; ", problems)}");
    }
}
