// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.LMStudio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.LMStudio;

public sealed class LMStudioDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "lmstudio";

    protected override string SectionName => "LMStudio";

    protected override Type OptionsType => typeof(LMStudioClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(IChatClient), typeof(IModelDiscovery), typeof(IEmbeddingGenerator<string, Embedding<float>>)];

    protected override bool IsLocal => true;

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddLMStudio();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddLMStudio(section);
}
