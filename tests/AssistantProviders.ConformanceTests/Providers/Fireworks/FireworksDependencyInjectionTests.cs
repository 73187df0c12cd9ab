// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Fireworks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.Fireworks;

public sealed class FireworksDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "fireworks";

    protected override string SectionName => "Fireworks";

    protected override Type OptionsType => typeof(FireworksClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(IChatClient), typeof(IModelDiscovery), typeof(IEmbeddingGenerator<string, Embedding<float>>)];

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddFireworks();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddFireworks(section);
}
