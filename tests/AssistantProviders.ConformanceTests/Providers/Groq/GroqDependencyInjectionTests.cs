// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Groq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.Groq;

public sealed class GroqDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "groq";

    protected override string SectionName => "Groq";

    protected override Type OptionsType => typeof(GroqClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(IChatClient), typeof(IModelDiscovery), typeof(ISpeechToTextClient)];

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddGroq();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddGroq(section);
}
