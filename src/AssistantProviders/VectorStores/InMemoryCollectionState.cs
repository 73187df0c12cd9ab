// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.VectorStores;

/// <summary>
/// The records of one in-memory collection behind a reader/writer lock: searches and reads share it, upserts and deletes take
/// it alone. No lock is held across an await: every locked section is synchronous.
/// </summary>
internal sealed class InMemoryCollectionState : IVectorCollectionStorage, IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<object, StoredRecord> _entries = [];

    /// <summary>Initializes a new instance of the <see cref="InMemoryCollectionState"/> class.</summary>
    /// <param name="vectorNames">The storage names of the vector properties, in ordinal order.</param>
    public InMemoryCollectionState(IReadOnlyList<string> vectorNames)
    {
        VectorNames = vectorNames;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> VectorNames { get; }

    /// <summary>Gets the number of records.</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _entries.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <inheritdoc/>
    public void Upsert(IReadOnlyList<StoredRecord> records)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var record in records)
            {
                _entries[record.Key] = record;
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <inheritdoc/>
    public void Delete(IReadOnlyList<object> keys)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var key in keys)
            {
                _entries.Remove(key);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <inheritdoc/>
    public List<StoredRecord> Get(IReadOnlyList<object> keys, bool includeVectors)
    {
        var found = new List<StoredRecord>(keys.Count);
        _lock.EnterReadLock();
        try
        {
            foreach (var key in keys)
            {
                if (_entries.TryGetValue(key, out var entry))
                {
                    found.Add(entry);
                }
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        return found;
    }

    /// <inheritdoc/>
    public void Scan<TState>(TState state, bool includeVectors, Action<TState, IEnumerable<StoredRecord>> read)
    {
        _lock.EnterReadLock();
        try
        {
            read(state, _entries.Values);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _lock.Dispose();
}
