// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Together;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.Together;

public sealed class TogetherDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "together";

    protected override string SectionName => "Together";

    protected override Type OptionsType => typeof(TogetherClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(IChatClient), typeof(IModelDiscovery), typeof(IEmbeddingGenerator<string, Embedding<float>>)];

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddTogether();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddTogether(section);
}
