// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Pinecone;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.ConformanceTests.Providers.Pinecone;

public sealed class PineconeDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "pinecone";

    protected override string SectionName => "Pinecone";

    protected override Type OptionsType => typeof(PineconeClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes =>
        [typeof(VectorStore), typeof(PineconeVectorStore), typeof(IEmbeddingGenerator<string, Embedding<float>>), typeof(IRerankClient)];

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddPinecone();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddPinecone(section);
}
