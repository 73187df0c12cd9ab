// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Ollama;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.Ollama;

public sealed class OllamaDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "ollama";

    protected override string SectionName => "Ollama";

    protected override Type OptionsType => typeof(OllamaClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(IChatClient), typeof(IModelDiscovery), typeof(IEmbeddingGenerator<string, Embedding<float>>)];

    protected override bool IsLocal => true;

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddOllama();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddOllama(section);
}
