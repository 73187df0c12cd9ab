// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using AssistantProviders.ConformanceTests.VectorStores;
using AssistantProviders.Weaviate;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.ConformanceTests.Providers.Weaviate;

/// <summary>
/// The vector-store suite for Weaviate against the emulator's Weaviate wire (REST + GraphQL): Guid keys (Weaviate object ids are
/// UUIDs), cosine similarity (Weaviate's <c>cosine</c> distance turned into a similarity), collection names that start with a capital
/// letter (Weaviate's class-name rule), and batches of 100 objects (the client's default <c>MaxBatchSize</c>). Guid keys have no
/// invalid value here: an empty Guid is generated (MEVD auto-generated keys), so the invalid-key tests do not apply.
/// </summary>
public sealed class WeaviateVectorStoreConformanceTests(EmulatorFixture fixture) : VectorStoreConformanceTests<Guid>, IClassFixture<EmulatorFixture>
{
    private int _names;

    protected override string ProviderId => "weaviate";

    protected override int MaxBatchSize => 100;

    protected override ValueTask<VectorStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<VectorStore>(new WeaviateVectorStore(new WeaviateClientOptions
        {
            ApiKey = "weaviate-conformance-key",
            Endpoint = fixture.Server.WeaviateEndpoint,
            MaxBatchSize = MaxBatchSize,
        }));

    protected override string NewCollectionName() =>
        "Conf" + Guid.NewGuid().ToString("N")[..12] + Interlocked.Increment(ref _names).ToString(CultureInfo.InvariantCulture);
}
