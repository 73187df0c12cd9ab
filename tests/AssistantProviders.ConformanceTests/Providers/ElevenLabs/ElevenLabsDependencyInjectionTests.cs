// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.ElevenLabs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.ElevenLabs;

public sealed class ElevenLabsDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "elevenlabs";

    protected override string SectionName => "ElevenLabs";

    protected override Type OptionsType => typeof(ElevenLabsClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(ITextToSpeechClient), typeof(IModelDiscovery), typeof(ISpeechToTextClient)];

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddElevenLabs();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddElevenLabs(section);
}
