// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.ConformanceTests.VectorStores;
using AssistantProviders.Pinecone;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.ConformanceTests.Providers.Pinecone;

/// <summary>The vector-store suite for Pinecone serverless indexes, against the emulator's Pinecone wire (cosine similarity).</summary>
public class PineconeVectorStoreConformanceTests(EmulatorFixture fixture) : VectorStoreConformanceTests<string>, IClassFixture<EmulatorFixture>
{
    protected override string ProviderId => "pinecone";

    protected override ValueTask<VectorStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<VectorStore>(new PineconeVectorStore(new PineconeClientOptions
        {
            ApiKey = ConformanceConstants.ApiKey,
            Endpoint = fixture.Server.PineconeEndpoint,
            IndexReadyPollInterval = TimeSpan.FromMilliseconds(10),
        }));
}
