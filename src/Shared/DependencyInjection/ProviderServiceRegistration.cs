// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AssistantProviders.Shared;

/// <summary>
/// What every <c>Add&lt;Vendor&gt;()</c> does, written once: named options bound from (lowest to highest) <c>.env</c>, environment
/// variables, the <c>AssistantProviders:Providers:&lt;Vendor&gt;</c> section and the caller's delegate; start-up validation of the
/// endpoint rule; the named <see cref="HttpClient"/> <c>AssistantProviders.&lt;Vendor&gt;</c> (no auto-redirects, so a key never
/// follows a redirect to another host); and the <see cref="ProviderRegistration"/> the router reads.
/// </summary>
internal static class ProviderServiceRegistration
{
    /// <summary>Registers a vendor from its definition with configuration from <c>AssistantProviders:Providers:&lt;Vendor&gt;</c>.</summary>
    public static IAssistantProvidersBuilder Register<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IAssistantProvidersBuilder builder, ProviderDefinition<TOptions> definition)
        where TOptions : ProviderClientOptions =>
        Register(builder, definition, null, null);

    /// <summary>Registers a vendor from its definition and applies <paramref name="configure"/> after configuration.</summary>
    public static IAssistantProvidersBuilder Register<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IAssistantProvidersBuilder builder, ProviderDefinition<TOptions> definition, Action<TOptions> configure)
        where TOptions : ProviderClientOptions =>
        Register(builder, definition, null, configure ?? throw new ArgumentNullException(nameof(configure)));

    /// <summary>Registers a vendor from its definition with options bound from <paramref name="section"/>.</summary>
    public static IAssistantProvidersBuilder Register<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IAssistantProvidersBuilder builder, ProviderDefinition<TOptions> definition, IConfigurationSection section)
        where TOptions : ProviderClientOptions =>
        Register(builder, definition, section ?? throw new ArgumentNullException(nameof(section)), null);

    private static IAssistantProvidersBuilder Register<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IAssistantProvidersBuilder builder, ProviderDefinition<TOptions> definition, IConfiguration? section, Action<TOptions>? configure)
        where TOptions : ProviderClientOptions
    {
        ArgumentNullException.ThrowIfNull(builder);
        var bind = definition.ReadEnvironment is { } readEnvironment
            ? (o, s) =>
            {
                readEnvironment(builder, o);
                definition.Bind(o, s);
            }
            : definition.Bind;
        return Register(builder, definition.Describe(), section, bind, configure, (services, httpClientName) => RegisterClients(services, definition, httpClientName));
    }

    private static void RegisterClients<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services, ProviderDefinition<TOptions> definition, string httpClientName)
        where TOptions : ProviderClientOptions
    {
        var id = definition.Describe().Id;
        foreach (var client in definition.Clients)
        {
            var clientType = client.ClientType;
            services.AddKeyedSingleton(clientType, id, (sp, _) => client.Create(
                GetOptions<TOptions>(sp, id),
                CreateHttpClient(sp, httpClientName),
                CreateLogger(sp, clientType.FullName!),
                GetTimeProvider(sp)));
            foreach (var serviceType in client.ServiceTypes)
            {
                services.AddKeyedSingleton(serviceType, id, (sp, key) => sp.GetRequiredKeyedService(clientType, key));
            }
        }
    }

    public static IAssistantProvidersBuilder Register<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IAssistantProvidersBuilder builder,
        ProviderDescriptor descriptor,
        IConfiguration? section,
        Action<TOptions, IConfiguration> bind,
        Action<TOptions>? configure,
        Action<IServiceCollection, string> registerClients)
        where TOptions : ProviderClientOptions
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var id = descriptor.Id;
        var httpClientName = HttpClientName(descriptor);
        section ??= builder.Configuration.GetSection("Providers:" + descriptor.DisplayName);

        var optionsBuilder = services.AddOptions<TOptions>(id)
            .Configure(o =>
            {
                if (descriptor.ApiKeyEnvironmentVariable is { } keyVar && builder.GetEnvironmentValue(keyVar) is { } key)
                {
                    o.ApiKey = key;
                }

                if (descriptor.BaseUrlEnvironmentVariable is { } urlVar && builder.GetEnvironmentValue(urlVar) is { } url &&
                    Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
                {
                    o.Endpoint = uri;
                }

                bind(o, section);
                BindKeys(o, section);
                configure?.Invoke(o);
            });
        optionsBuilder.Validate(
            o => ProviderEndpointPolicy.IsAllowed(o.Endpoint ?? descriptor.DefaultEndpoint, descriptor.Locality, out _),
            $"{descriptor.DisplayName}: the endpoint must be https (plain http only for loopback or a local provider), and never a link-local, metadata or file: address. Check AssistantProviders:Providers:{descriptor.DisplayName}:Endpoint or {descriptor.BaseUrlEnvironmentVariable}.");
        optionsBuilder.ValidateOnStart();

        if (services.Any(s => s.ServiceType == typeof(ProviderRegistration) && s.ImplementationInstance is ProviderRegistration r && r.Id == id))
        {
            // Add<Vendor>() called again: the options above stack, the clients are registered once.
            return builder;
        }

        // RemoveAllLoggers: IHttpClientFactory's default logging keeps raw header values (Authorization, x-api-key,
        // x-goog-api-key) in its structured log state and logs raw transport exceptions; the provider transport logs
        // requests itself, without secrets.
        services.AddHttpClient(httpClientName)
            .RemoveAllLoggers()
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });

        services.AddSingleton(new ProviderRegistration(descriptor, sp => GetOptions<TOptions>(sp, id)));
        registerClients(services, httpClientName);
        return builder;
    }

    /// <summary>
    /// Binds <c>ApiKey</c> and <c>ApiKeys</c> from the section, for every vendor (the one place this happens): the
    /// configuration-binding source generator used by the vendors' <c>bind</c> delegates does not apply the <see cref="ApiKey"/>
    /// type converter, so without this an explicit key in configuration would not beat the environment.
    /// </summary>
    private static void BindKeys(ProviderClientOptions options, IConfiguration section)
    {
        if (ApiKey.FromString(section["ApiKey"]) is { } key)
        {
            options.ApiKey = key;
        }

        foreach (var child in section.GetSection("ApiKeys").GetChildren())
        {
            if (ApiKey.FromString(child.Value) is { } pooled && !options.ApiKeys.Contains(pooled))
            {
                options.ApiKeys.Add(pooled);
            }
        }
    }

    public static string HttpClientName(ProviderDescriptor descriptor) => "AssistantProviders." + descriptor.DisplayName.Replace(" ", string.Empty, StringComparison.Ordinal);

    public static TOptions GetOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceProvider services, string id)
        where TOptions : ProviderClientOptions =>
        services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(id);

    public static HttpClient CreateHttpClient(IServiceProvider services, string name) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    public static ILogger CreateLogger(IServiceProvider services, string category) =>
        services.GetService<ILoggerFactory>()?.CreateLogger(category) ?? NullLogger.Instance;

    public static TimeProvider GetTimeProvider(IServiceProvider services) => services.GetService<TimeProvider>() ?? TimeProvider.System;
}
