// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Replicate;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.Replicate;

/// <summary>
/// The DI contract for Replicate. Its <c>DefaultModel</c> is the image model (the chat client has <c>DefaultChatModel</c>), so the
/// suite's chat cases, which expect <c>DefaultModel</c> to drive chat, are not run: the keyed chat client is covered by
/// <c>ReplicateEmulatorTests</c> and the unit tests.
/// </summary>
public sealed class ReplicateDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "replicate";

    protected override string SectionName => "Replicate";

    protected override Type OptionsType => typeof(ReplicateClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(IImageGenerator), typeof(ISpeechToTextClient), typeof(IModelDiscovery), typeof(ReplicateClient)];

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddReplicate();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddReplicate(section);
}
