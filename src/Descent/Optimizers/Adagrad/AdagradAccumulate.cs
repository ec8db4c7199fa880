namespace Descent.Optimizers;

/// <summary>What the lecture's Adagrad family adds to its accumulator each step (spec key <c>accumulate</c>).</summary>
public enum AdagradAccumulate
{
    /// <summary><c>G ← G + g²</c>, Adagrad proper (<c>squares</c>).</summary>
    Squares = 0,

    /// <summary><c>G ← G + |g|</c> (<c>abs</c>).</summary>
    Abs = 1,
}
