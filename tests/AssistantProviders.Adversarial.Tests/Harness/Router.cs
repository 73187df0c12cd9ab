// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Adversarial.Tests.Harness;

/// <summary>A routed chat client built the way an app builds it (<c>AddAssistantProviders</c>), with local probes off.</summary>
public sealed class Router : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public Router(Action<IAssistantProvidersBuilder> add, IDictionary<string, string?>? settings = null, Signals? signals = null, Action<RoutingOptions>? routing = null, Action<IServiceCollection>? services = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AssistantProviders:Discovery:ProbeLocalServers"] = "false",
        };
        foreach (var pair in settings ?? new Dictionary<string, string?>())
        {
            values[pair.Key] = pair.Value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        var builder = collection.AddAssistantProviders(configuration).AddRouting(r =>
        {
            r.RetryBaseDelay = TimeSpan.Zero;
            routing?.Invoke(r);
        });
        signals?.AddTo(collection, builder);
        add(builder);
        _services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Chat = _services.GetRequiredService<IChatClient>();
    }

    public IChatClient Chat { get; }

    public IServiceProvider Services => _services;

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
