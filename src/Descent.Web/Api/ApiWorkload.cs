namespace Descent.Web.Api;

/// <summary>
/// The computations one server is running now. Every endpoint that computes holds an <see cref="Enter"/> scope
/// while it runs, so a request stopped by its budget or by its client leaving shows as a count that falls
/// back to 0 — what the tests watch to prove that no worker is left spinning.
/// </summary>
public sealed class ApiWorkload
{
    private int _running;

    /// <summary>How many computations are running now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Counts one computation until the returned scope is disposed.</summary>
    public IDisposable Enter()
    {
        Interlocked.Increment(ref _running);
        return new Scope(this);
    }

    private sealed class Scope(ApiWorkload owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) Interlocked.Decrement(ref owner._running);
        }
    }
}
