// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders;
using AssistantProviders.Emulator;
using AssistantProviders.Emulator.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the loopback emulator as provider <c>emulator</c> (local, free, no key).</summary>
public static class EmulatorBuilderExtensions
{
    /// <summary>Adds the emulator provider; an in-process server starts on 127.0.0.1 on first use unless an endpoint is configured.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddEmulator(this IAssistantProvidersBuilder builder) => Register(builder, null, null);

    /// <summary>Adds the emulator provider and configures it in code.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="configure">Configures the options (faults and answers via <see cref="EmulatorClientOptions.ConfigureServer"/>).</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddEmulator(this IAssistantProvidersBuilder builder, Action<EmulatorClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, null, configure);
    }

    /// <summary>Adds the emulator provider with options bound from <paramref name="section"/>.</summary>
    /// <param name="builder">The AssistantProviders builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IAssistantProvidersBuilder AddEmulator(this IAssistantProvidersBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Register(builder, section, null);
    }

    private static IAssistantProvidersBuilder Register(IAssistantProvidersBuilder builder, IConfiguration? section, Action<EmulatorClientOptions>? configure) =>
        ProviderServiceRegistration.Register(builder, EmulatorProvider.Create(), section, static (o, s) => s.Bind(o), configure, static (services, httpClientName) =>
        {
            const string id = EmulatorDefaults.ProviderId;
            services.AddKeyedSingleton(id, (sp, _) =>
            {
                var options = ProviderServiceRegistration.GetOptions<EmulatorClientOptions>(sp, id);
                return EmulatorServer.StartAsync(options.GetServerOptions()).GetAwaiter().GetResult();
            });
            services.AddKeyedSingleton(id, (sp, key) => new EmulatorChatClient(
                ProviderServiceRegistration.GetOptions<EmulatorClientOptions>(sp, id),
                ServerIfNeeded(sp, key),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(EmulatorChatClient).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IChatClient>(id, static (sp, key) => sp.GetRequiredKeyedService<EmulatorChatClient>(key));
            services.AddKeyedSingleton<IModelDiscovery>(id, static (sp, key) => sp.GetRequiredKeyedService<EmulatorChatClient>(key));
            services.AddKeyedSingleton(id, (sp, key) => new EmulatorEmbeddingGenerator(
                ProviderServiceRegistration.GetOptions<EmulatorClientOptions>(sp, id),
                ServerIfNeeded(sp, key),
                ProviderServiceRegistration.CreateHttpClient(sp, httpClientName),
                ProviderServiceRegistration.CreateLogger(sp, typeof(EmulatorEmbeddingGenerator).FullName!),
                ProviderServiceRegistration.GetTimeProvider(sp)));
            services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(id, static (sp, key) => sp.GetRequiredKeyedService<EmulatorEmbeddingGenerator>(key));
        });

    private static EmulatorServer? ServerIfNeeded(IServiceProvider services, object? key)
    {
        var options = ProviderServiceRegistration.GetOptions<EmulatorClientOptions>(services, EmulatorDefaults.ProviderId);
        return options.Endpoint is null || options.Endpoint == EmulatorProvider.InProcessEndpoint
            ? services.GetRequiredKeyedService<EmulatorServer>(key)
            : null;
    }
}
