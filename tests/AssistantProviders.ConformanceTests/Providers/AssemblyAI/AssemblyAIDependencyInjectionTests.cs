// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.AssemblyAI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.AssemblyAI;

public sealed class AssemblyAIDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "assemblyai";

    protected override string SectionName => "AssemblyAI";

    protected override Type OptionsType => typeof(AssemblyAIClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(ISpeechToTextClient), typeof(IModelDiscovery)];

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddAssemblyAI();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddAssemblyAI(section);
}
