// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.VectorStores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Samples;

/// <summary>The vector store a sample uses (linked source, samples/Shared).</summary>
/// <param name="Name">The name shown to the user.</param>
/// <param name="Key">The DI key of its <see cref="VectorStore"/> (<c>pinecone</c>, <c>weaviate</c>, <c>inmemory</c>).</param>
internal sealed record VectorStoreChoice(string Name, string Key)
{
    /// <summary>Gets a value indicating whether this is the embedded in-memory store (lost when the process exits).</summary>
    public bool IsInMemory => Key == InMemoryVectorStore.SystemName;

    /// <summary>Resolves the store.</summary>
    /// <param name="services">The service provider.</param>
    /// <returns>The store.</returns>
    public VectorStore Resolve(IServiceProvider services) => services.GetRequiredKeyedService<VectorStore>(Key);
}
