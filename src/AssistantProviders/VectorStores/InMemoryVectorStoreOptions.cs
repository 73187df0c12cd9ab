// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.VectorStores;

/// <summary>Options for <see cref="InMemoryVectorStore"/>.</summary>
public sealed class InMemoryVectorStoreOptions
{
    /// <summary>
    /// Gets or sets the default embedding generator of every collection (a collection definition or vector property may set its
    /// own). It is used for vector properties that are not vectors themselves (e.g. a <see cref="string"/> embedded on upsert)
    /// and for searches whose input is not a vector (e.g. a query text). <see langword="null"/>: vectors only.
    /// </summary>
    public IEmbeddingGenerator? EmbeddingGenerator { get; set; }
}
