namespace Descent.Schedules;

/// <summary>
/// The values of one parameter group that a schedule sets before each optimizer step: PyTorch's
/// <c>param_group['lr']</c>, <c>'initial_lr'</c> and the momentum that <c>OneCycleLR</c> and
/// <c>CyclicLR</c> cycle (SGD's and RMSprop's <c>momentum</c>, or <c>beta1</c> of the Adam family).
/// </summary>
public sealed class ScheduleGroup
{
    /// <summary>A group whose rule runs at <paramref name="learningRate"/>.</summary>
    /// <param name="learningRate">The rule's own <c>lr</c>.</param>
    /// <param name="momentum">The rule's momentum (or beta1), or null when it has none.</param>
    /// <param name="momentumIsBeta1">True for the Adam family, whose cycled momentum is <c>beta1</c>.</param>
    public ScheduleGroup(double learningRate, double? momentum = null, bool momentumIsBeta1 = false)
    {
        LearningRate = learningRate;
        Momentum = momentum;
        MomentumIsBeta1 = momentum is not null && momentumIsBeta1;
    }

    /// <summary>The learning rate the next step uses.</summary>
    public double LearningRate { get; set; }

    /// <summary>The learning rate the schedule started from (PyTorch's <c>initial_lr</c>), once a schedule has set it.</summary>
    public double? InitialLearningRate { get; set; }

    /// <summary>The momentum (or beta1) the next step uses; null when the rule has none.</summary>
    public double? Momentum { get; set; }

    /// <summary>True when <see cref="Momentum"/> is the Adam family's <c>beta1</c>.</summary>
    public bool MomentumIsBeta1 { get; }
}
