// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.VectorStores;

/// <summary>The store side of an embedded collection: names and finds its storage. (Linked into AssistantProviders.Sqlite.)</summary>
internal interface IVectorCollectionHost
{
    /// <summary>Gets the MEVD system name (<c>inmemory</c>, <c>sqlite</c>).</summary>
    string SystemName { get; }

    /// <summary>Gets the name used in messages (<c>in-memory</c>, <c>SQLite</c>).</summary>
    string DisplayName { get; }

    /// <summary>Gets the storage of a collection that exists.</summary>
    /// <param name="name">The collection name.</param>
    /// <param name="storage">The storage.</param>
    /// <returns>Whether the collection exists.</returns>
    bool TryGetStorage(string name, [NotNullWhen(true)] out IVectorCollectionStorage? storage);

    /// <summary>Gets or creates a collection's storage (idempotent: an existing collection keeps its records).</summary>
    /// <param name="name">The collection name.</param>
    /// <param name="model">The model of the collection object that creates it.</param>
    void EnsureStorage(string name, CollectionModel model);

    /// <summary>Removes a collection (a missing one is a no-op).</summary>
    /// <param name="name">The collection name.</param>
    void RemoveStorage(string name);
}
