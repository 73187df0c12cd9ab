// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Mlx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.Mlx;

public sealed class MlxDependencyInjectionTests(EmulatorFixture fixture) : ProviderDependencyInjectionTests(fixture)
{
    protected override string ProviderId => "mlx";

    protected override string SectionName => "Mlx";

    protected override Type OptionsType => typeof(MlxClientOptions);

    protected override IReadOnlyList<Type> KeyedServiceTypes => [typeof(IChatClient), typeof(IModelDiscovery)];

    protected override bool IsLocal => true;

    protected override void AddProvider(IAssistantProvidersBuilder builder) => builder.AddMlx();

    protected override void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section) => builder.AddMlx(section);
}
