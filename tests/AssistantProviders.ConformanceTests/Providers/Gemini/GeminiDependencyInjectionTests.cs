// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Gemini;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.Gemini;

public sealed class GeminiDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "gemini";

    protected override string SectionName => "Gemini";

    protected override Type OptionsType => typeof(GeminiClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(IChatClient), typeof(IModelDiscovery), typeof(IEmbeddingGenerator<string, Embedding<float>>)];

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddGemini();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddGemini(section);
}
