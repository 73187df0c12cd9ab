// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Cohere;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.Cohere;

public sealed class CohereDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "cohere";

    protected override string SectionName => "Cohere";

    protected override Type OptionsType => typeof(CohereClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(IChatClient), typeof(IModelDiscovery), typeof(IEmbeddingGenerator<string, Embedding<float>>), typeof(IRerankClient)];

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddCohere();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddCohere(section);
}
