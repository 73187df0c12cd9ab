// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.OpenAI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.OpenAI;

public sealed class OpenAIDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "openai";

    protected override string SectionName => "OpenAI";

    protected override Type OptionsType => typeof(OpenAIClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(IChatClient), typeof(IModelDiscovery), typeof(IEmbeddingGenerator<string, Embedding<float>>), typeof(IImageGenerator)];

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddOpenAI();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddOpenAI(section);
}
