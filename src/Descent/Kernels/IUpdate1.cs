namespace Descent.Kernels;

/// <summary>A fused in-place update with one state buffer: <c>(p, s) ← f(p, g, s)</c>.</summary>
public interface IUpdate1<T> where T : unmanaged
{
    /// <summary>Updates one parameter and its state.</summary>
    void Apply(ref T p, T g, ref T s);
}
