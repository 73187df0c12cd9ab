// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.VectorStores;

/// <summary>
/// Where an embedded collection keeps its records (process memory, or a SQLite table). Every member is synchronous and
/// thread-safe; a batch upsert or delete is all or nothing. (Linked into AssistantProviders.Sqlite.)
/// </summary>
internal interface IVectorCollectionStorage
{
    /// <summary>Gets the storage names of the vector properties the collection was created with (the ordinals of <see cref="StoredRecord.Vectors"/>).</summary>
    IReadOnlyList<string> VectorNames { get; }

    /// <summary>Adds or replaces the records.</summary>
    /// <param name="records">The records.</param>
    void Upsert(IReadOnlyList<StoredRecord> records);

    /// <summary>Removes the records with these keys (missing keys are ignored).</summary>
    /// <param name="keys">The keys.</param>
    void Delete(IReadOnlyList<object> keys);

    /// <summary>Gets the records with these keys, skipping missing ones.</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="includeVectors">Whether the vectors are needed.</param>
    /// <returns>The records found.</returns>
    List<StoredRecord> Get(IReadOnlyList<object> keys, bool includeVectors);

    /// <summary>Runs <paramref name="read"/> over every record (a consistent view); the reader must not block or await.</summary>
    /// <typeparam name="TState">The reader's state.</typeparam>
    /// <param name="state">The state.</param>
    /// <param name="includeVectors">Whether the vectors are needed.</param>
    /// <param name="read">The reader.</param>
    void Scan<TState>(TState state, bool includeVectors, Action<TState, IEnumerable<StoredRecord>> read);
}
