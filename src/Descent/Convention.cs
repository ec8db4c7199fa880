namespace Descent;

/// <summary>
/// Which library's exact formulas and defaults an optimizer follows (design/CONVENTIONS.md).
/// The same hyperparameters draw different trajectories in different libraries: Adam's epsilon sits
/// inside the root in the lecture, outside it in PyTorch and is bias-scaled ("epsilon-hat") in Lasagne and Keras.
/// </summary>
public enum Convention
{
    /// <summary><c>torch.optim</c> (PyTorch 1.13); the default.</summary>
    PyTorch = 0,

    /// <summary><c>lasagne.updates</c>, the engine of the lecture's animations.</summary>
    Lasagne = 1,

    /// <summary>The formulas of the lecture's own scripts.</summary>
    Lecture = 2,

    /// <summary>
    /// Keras 3's <c>keras.optimizers</c>: its formulas in its operation order, epsilon 1e-7, Adagrad's accumulator
    /// starting at 0.1, Nadam's 0.96^t schedule, decoupled <c>weight_decay</c> on every rule. Only the rules Keras has
    /// run under it; asking for another is an error, not a silent fallback.
    /// </summary>
    Keras = 3,
}
