// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.Emulator;

public sealed class EmulatorDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "emulator";

    protected override string SectionName => "Emulator";

    protected override Type OptionsType => typeof(EmulatorClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(IChatClient), typeof(IModelDiscovery), typeof(IEmbeddingGenerator<string, Embedding<float>>)];

    protected override bool IsLocal => true;

    // Without an endpoint the emulator provider starts its own embedded server.
    protected override bool HasDefaultEndpoint => false;

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddEmulator();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddEmulator(section);
}
