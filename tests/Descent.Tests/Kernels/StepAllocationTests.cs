using Descent.Kernels;

namespace Descent.Tests.Kernels;

/// <summary>A step reuses its buffers and its worker threads: steady-state steps allocate nothing.</summary>
public sealed class StepAllocationTests
{
    public static TheoryData<string, string> Cases() => KernelCases.Rows();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_SmallBufferSteadyState_AllocatesNothing(string convention, string spec)
    {
        var optimizer = KernelCases.Create<float>(convention, spec, 1000);
        var p = new float[1000];
        var g = Enumerable.Range(0, 1000).Select(i => (float)Math.Sin(i)).ToArray();
        GradientOracle<float> oracle = (q, grad) => g.CopyTo(grad);
        for (int i = 0; i < 3; i++) optimizer.Step(p, oracle);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) optimizer.Step(p, oracle);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("rule(m = fma(g, 1-b1, m*b1); v = fma((1-b2)*g, g, v*b2); p = p - lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps) | lr=0.001, b1=0.9, b2=0.999, eps=1e-8)")]
    public void Step_LargeBufferOnWorkerThreads_AllocatesNothing(string spec)
    {
        var optimizer = KernelCases.Create<float>("pytorch", spec, 100_000, new KernelSettings { ParallelThreshold = 1000, MaxThreads = 2 });
        var p = new float[100_000];
        var g = Enumerable.Range(0, 100_000).Select(i => (float)Math.Cos(i)).ToArray();
        for (int i = 0; i < 3; i++) optimizer.Step(p, g);

        // The calling thread hands out the work; the process-wide count would also see the test runner's own threads.
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) optimizer.Step(p, g);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
