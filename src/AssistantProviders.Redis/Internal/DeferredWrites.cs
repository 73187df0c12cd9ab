// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Redis.Internal;

/// <summary>
/// Writes that could not reach Redis, kept in order (bounded: the oldest is dropped, loudly) and applied once Redis is back.
/// Every write kept here is idempotent by its id, so applying one that had in fact reached Redis counts nothing twice.
/// </summary>
/// <typeparam name="T">The write.</typeparam>
internal sealed class DeferredWrites<T>
{
    private readonly ConcurrentQueue<T> _queue = new();
    private readonly int _capacity;
    private readonly string _kind;
    private readonly ILogger _logger;
    private int _count;
    private int _flushing;

    public DeferredWrites(int capacity, string kind, ILogger logger)
    {
        _capacity = capacity;
        _kind = kind;
        _logger = logger;
    }

    public int Count => Volatile.Read(ref _count);

    public void Add(T write)
    {
        _queue.Enqueue(write);
        if (Interlocked.Increment(ref _count) > _capacity && _queue.TryDequeue(out _))
        {
            Interlocked.Decrement(ref _count);
            Log.PendingDropped(_logger, _capacity, _kind);
        }
    }

    /// <summary>Applies the kept writes in order; stops at the first that fails (it stays first). One flush at a time.</summary>
    public void Flush(Action<T> apply, Action<Exception> failed)
    {
        if (Volatile.Read(ref _count) == 0 || Interlocked.Exchange(ref _flushing, 1) == 1)
        {
            return;
        }

        var applied = 0;
        try
        {
            while (_queue.TryPeek(out var next))
            {
                try
                {
                    apply(next);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed(ex);
                    return;
                }

                if (_queue.TryDequeue(out _))
                {
                    Interlocked.Decrement(ref _count);
                    applied++;
                }
            }
        }
        finally
        {
            Volatile.Write(ref _flushing, 0);
            if (applied > 0)
            {
                Log.PendingApplied(_logger, applied, _kind);
            }
        }
    }
}
