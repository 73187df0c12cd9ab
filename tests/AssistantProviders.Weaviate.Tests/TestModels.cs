// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Weaviate.Internal;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.Weaviate.Tests;

/// <summary>Builds record models the way the store does.</summary>
internal static class TestModels
{
    public static CollectionModel Of<TRecord>() => new WeaviateModelBuilder().Build(typeof(TRecord), typeof(Guid), null, null);
}
