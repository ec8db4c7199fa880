using Descent.Tensors;

namespace Descent.Training.Tests;

/// <summary>A fact that is reported skipped, with the reason, where the GEMM's 8×32 AVX-512 kernel cannot run, instead of passing without checking.</summary>
public sealed class Avx512FactAttribute : FactAttribute
{
    public Avx512FactAttribute()
    {
        if (!Gemm.Wide) Skip = "AVX-512 is not accelerated on this CPU, so the 8×32 kernel cannot run.";
    }
}
