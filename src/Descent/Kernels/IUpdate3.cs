namespace Descent.Kernels;

/// <summary>A fused in-place update with three state buffers.</summary>
public interface IUpdate3<T> where T : unmanaged
{
    /// <summary>Updates one parameter and its state.</summary>
    void Apply(ref T p, T g, ref T s1, ref T s2, ref T s3);
}
