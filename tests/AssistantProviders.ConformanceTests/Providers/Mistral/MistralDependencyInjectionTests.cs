// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Mistral;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.Mistral;

public sealed class MistralDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "mistral";

    protected override string SectionName => "Mistral";

    protected override Type OptionsType => typeof(MistralClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(IChatClient), typeof(IModelDiscovery), typeof(IEmbeddingGenerator<string, Embedding<float>>)];

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddMistral();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddMistral(section);
}
