namespace Descent;

/// <summary>
/// Which library's exact formulas and defaults an optimizer follows (design/CONVENTIONS.md).
/// The same hyperparameters draw different trajectories in different libraries: Adam's epsilon sits
/// inside the root in the lecture, outside it in PyTorch and is bias-scaled ("epsilon-hat") in Lasagne.
/// </summary>
public enum Convention
{
    /// <summary><c>torch.optim</c> (PyTorch 1.13); the default.</summary>
    PyTorch = 0,

    /// <summary><c>lasagne.updates</c>, the engine of the lecture's animations.</summary>
    Lasagne = 1,

    /// <summary>The formulas of the lecture's own scripts.</summary>
    Lecture = 2,
}
