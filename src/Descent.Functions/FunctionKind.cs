namespace Descent.Functions;

/// <summary>Where a function comes from.</summary>
public enum FunctionKind
{
    /// <summary>One of the lecture's seven landscapes.</summary>
    Lecture,

    /// <summary>A classic test function of the optimization literature.</summary>
    Classic,

    /// <summary>A formula the user typed.</summary>
    Formula,
}
