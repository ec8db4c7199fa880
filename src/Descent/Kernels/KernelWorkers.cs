using System.Runtime.CompilerServices;

namespace Descent.Kernels;

/// <summary>
/// A few long-lived threads that step chunks of a large buffer beside the calling thread. Unlike
/// <c>Parallel.For</c>, a step allocates nothing: the work is a function pointer and a pointer to the
/// caller's loop body, which stays alive on the caller's stack until every chunk is done.
/// </summary>
internal static unsafe class KernelWorkers
{
    private static readonly object Gate = new();
    // Not a CountdownEvent: its ManualResetEventSlim creates its lock object on the first wait that
    // has to block, so whichever step first found a worker still busy allocated 24 bytes on the
    // calling thread. SemaphoreSlim builds its lock in the constructor; the last worker to finish
    // releases it once.
    private static readonly SemaphoreSlim Done = new(0);
    private static int _pending;
    private static readonly List<SemaphoreSlim> Starts = [];
    private static delegate*<void*, nint, nint, void> _work;
    private static void* _body;
    private static nint _length, _chunk;

    /// <summary>
    /// Runs <paramref name="work"/> over <c>[0, length)</c> in <paramref name="parts"/> chunks of
    /// <paramref name="chunk"/> elements, the first on the calling thread. When another step already
    /// holds the workers, this one runs whole on the calling thread instead of waiting.
    /// </summary>
    public static void Run(delegate*<void*, nint, nint, void> work, void* body, nint length, nint chunk, int parts)
    {
        if (parts <= 1 || !Monitor.TryEnter(Gate))
        {
            work(body, 0, length);
            return;
        }
        try
        {
            while (Starts.Count < parts - 1) StartWorker(Starts.Count);
            _work = work;
            _body = body;
            _length = length;
            _chunk = chunk;
            Volatile.Write(ref _pending, parts - 1);
            for (int i = 0; i < parts - 1; i++) Starts[i].Release();
            work(body, 0, Math.Min(length, chunk));
            Done.Wait();
        }
        finally
        {
            _body = null;
            Monitor.Exit(Gate);
        }
    }

    /// <summary>Calls <see cref="IRangeBody.Run"/> on the body <paramref name="body"/> points to.</summary>
    public static void Invoke<TBody>(void* body, nint start, nint end) where TBody : struct, IRangeBody =>
        Unsafe.AsRef<TBody>(body).Run(start, end);

    private static void StartWorker(int index)
    {
        var start = new SemaphoreSlim(0);
        Starts.Add(start);
        var thread = new Thread(() =>
        {
            nint part = index + 1;
            while (true)
            {
                start.Wait();
                nint begin = part * _chunk, end = Math.Min(_length, begin + _chunk);
                if (begin < end) _work(_body, begin, end);
                if (Interlocked.Decrement(ref _pending) == 0) Done.Release();
            }
        })
        {
            IsBackground = true,
            Name = $"Descent kernel worker {index + 1}",
        };
        thread.Start();
    }
}

/// <summary>A loop body over a range of elements.</summary>
internal interface IRangeBody
{
    /// <summary>Steps elements <c>[start, end)</c>.</summary>
    void Run(nint start, nint end);
}
