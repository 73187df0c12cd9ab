// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Perplexity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.Perplexity;

public sealed class PerplexityDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "perplexity";

    protected override string SectionName => "Perplexity";

    protected override Type OptionsType => typeof(PerplexityClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(IChatClient), typeof(IModelDiscovery)];

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddPerplexity();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddPerplexity(section);
}
