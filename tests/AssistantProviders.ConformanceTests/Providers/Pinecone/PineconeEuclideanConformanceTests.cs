// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ConformanceTests.Providers.Pinecone;

/// <summary>The vector-store suite again with <c>euclidean</c> indexes (Pinecone scores the squared Euclidean distance).</summary>
public sealed class PineconeEuclideanConformanceTests(EmulatorFixture fixture) : PineconeVectorStoreConformanceTests(fixture)
{
    protected override string DistanceFunction => Microsoft.Extensions.VectorData.DistanceFunction.EuclideanSquaredDistance;
}
