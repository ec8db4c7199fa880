namespace Descent.Kernels;

/// <summary>Which register width <see cref="UpdateLoop"/> uses.</summary>
public enum VectorWidth
{
    /// <summary>The widest width this machine accelerates.</summary>
    Auto = 0,

    /// <summary>One element at a time: the scalar reference.</summary>
    Scalar = 1,

    /// <summary>128-bit registers.</summary>
    V128 = 128,

    /// <summary>256-bit registers.</summary>
    V256 = 256,

    /// <summary>512-bit registers.</summary>
    V512 = 512,
}
