// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Deepgram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.Deepgram;

public sealed class DeepgramDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "deepgram";

    protected override string SectionName => "Deepgram";

    protected override Type OptionsType => typeof(DeepgramClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(ISpeechToTextClient), typeof(ITextToSpeechClient)];

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddDeepgram();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddDeepgram(section);
}
