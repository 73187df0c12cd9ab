// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Anthropic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.Anthropic;

public sealed class AnthropicDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "anthropic";

    protected override string SectionName => "Anthropic";

    protected override Type OptionsType => typeof(AnthropicClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(IChatClient), typeof(IModelDiscovery)];

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddAnthropic();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddAnthropic(section);
}
