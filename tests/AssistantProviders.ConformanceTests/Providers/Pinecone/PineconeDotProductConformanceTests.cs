// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ConformanceTests.Providers.Pinecone;

/// <summary>The vector-store suite again with <c>dotproduct</c> indexes.</summary>
public sealed class PineconeDotProductConformanceTests(EmulatorFixture fixture) : PineconeVectorStoreConformanceTests(fixture)
{
    protected override string DistanceFunction => Microsoft.Extensions.VectorData.DistanceFunction.DotProductSimilarity;
}
