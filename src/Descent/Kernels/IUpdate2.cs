namespace Descent.Kernels;

/// <summary>A fused in-place update with two state buffers: <c>(p, s1, s2) ← f(p, g, s1, s2)</c>.</summary>
public interface IUpdate2<T> where T : unmanaged
{
    /// <summary>Updates one parameter and its state.</summary>
    void Apply(ref T p, T g, ref T s1, ref T s2);
}
