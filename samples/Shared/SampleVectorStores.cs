// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.VectorStores;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Samples;

/// <summary>
/// Picks the vector store of the Rag and Agent samples (linked source, samples/Shared): Pinecone when <c>PINECONE_API_KEY</c>
/// is set (if the sample can use it), else Weaviate when <c>WEAVIATE_URL</c> is set, else the embedded in-memory store that
/// <c>AddAssistantProviders</c> registers.
/// </summary>
internal static class SampleVectorStores
{
    /// <summary>Adds the chosen store's package to the builder and says which store it is.</summary>
    /// <param name="providers">The AssistantProviders builder.</param>
    /// <param name="allowPinecone">Whether the sample can use Pinecone (its keys are strings only).</param>
    /// <returns>The choice.</returns>
    public static VectorStoreChoice Add(IAssistantProvidersBuilder providers, bool allowPinecone)
    {
        if (allowPinecone && providers.GetEnvironmentValue("PINECONE_API_KEY") is not null)
        {
            providers.AddPinecone();
            return new VectorStoreChoice("Pinecone", "pinecone");
        }

        if (providers.GetEnvironmentValue("WEAVIATE_URL") is not null)
        {
            providers.AddWeaviate();
            return new VectorStoreChoice("Weaviate", "weaviate");
        }

        return new VectorStoreChoice("in-memory", InMemoryVectorStore.SystemName);
    }
}
