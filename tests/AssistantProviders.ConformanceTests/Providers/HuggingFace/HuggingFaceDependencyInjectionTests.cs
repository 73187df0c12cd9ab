// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.HuggingFace;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.HuggingFace;

public sealed class HuggingFaceDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "huggingface";

    protected override string SectionName => "HuggingFace";

    protected override Type OptionsType => typeof(HuggingFaceClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(IChatClient), typeof(IModelDiscovery), typeof(IEmbeddingGenerator<string, Embedding<float>>)];

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddHuggingFace();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddHuggingFace(section);
}
