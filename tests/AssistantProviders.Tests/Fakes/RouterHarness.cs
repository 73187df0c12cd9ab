// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using AssistantProviders.Routing;
using AssistantProviders.Resilience;

namespace AssistantProviders.Tests.Fakes;

/// <summary>Builds a service provider with fake providers, a FakeTimeProvider, a FakeLogger and the routers.</summary>
internal sealed class RouterHarness : IDisposable
{
    private readonly ServiceCollection _services = new();
    private ServiceProvider? _provider;

    public RouterHarness(Action<RoutingOptions>? configure = null, IConfiguration? configuration = null, bool withAccounting = true)
    {
        _services.AddSingleton<TimeProvider>(Time);
        _services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        if (withAccounting)
        {
            _services.AddSingleton<IRequestAccounting>(Accounting);
        }

        _services.AddSingleton(new RoutingRandom(() => NextRandom));
        Builder = _services.AddAssistantProviders(configuration).AddRouting(o =>
        {
            o.RetryBaseDelay = TimeSpan.Zero;
            configure?.Invoke(o);
        });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public FakeLoggerProvider Logs { get; } = new();

    public FakeAccounting Accounting { get; } = new();

    public double NextRandom { get; set; } = 0.5;

    public IAssistantProvidersBuilder Builder { get; }

    public IServiceCollection Services => _services;

    public IServiceProvider Provider => _provider ??= _services.BuildServiceProvider();

    public IChatClient Chat => Provider.GetRequiredService<IChatClient>();

    public ISpeechClient Speech => Provider.GetRequiredService<ISpeechClient>();

    public IEmbeddingClient Embeddings => Provider.GetRequiredService<IEmbeddingClient>();

    public IProviderHealth Health => Provider.GetRequiredService<IProviderHealth>();

    public TestProvider Add(
        string id,
        Action<TestProviderOptions>? configure = null,
        ProviderLocality locality = ProviderLocality.Cloud,
        string[]? tags = null,
        string? apiKeyVariable = null,
        string? defaultModel = null,
        string[]? taskTags = null)
    {
        var options = new TestProviderOptions();
        configure?.Invoke(options);
        var descriptor = new ProviderDescriptor(id, char.ToUpperInvariant(id[0]) + id[1..])
        {
            Locality = locality,
            ComplianceTags = tags ?? [],
            TaskTags = taskTags ?? [],
            ApiKeyEnvironmentVariable = apiKeyVariable,
            DefaultModel = defaultModel,
            Capabilities = ModelCapabilities.Chat | ModelCapabilities.Embeddings | ModelCapabilities.SpeechToText,
        };
        var provider = new TestProvider(id, options);
        _services.AddSingleton(new ProviderRegistration(descriptor, _ => options));
        _services.AddKeyedSingleton<IChatClient>(id, provider.Chat);
        _services.AddKeyedSingleton<ISpeechToTextClient>(id, provider.Stt);
        _services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(id, provider.Embeddings);
        return provider;
    }

    public string LogText() => string.Join("\n", Logs.Collector.GetSnapshot().Select(r => r.Message + " " + r.Exception?.Message));

    public void Dispose()
    {
        _provider?.Dispose();
        Logs.Dispose();
    }
}
