// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using AssistantProviders.Catalog;

namespace AssistantProviders.Tests.Cost;

public sealed class ModelCatalogTests
{
    private static readonly PriceCatalog Catalog = PriceCatalog.FromJson(CostTestData.CatalogJson, "test.json");

    [Fact]
    public async Task Live_listing_is_merged_with_the_catalog()
    {
        var discovery = new FakeDiscovery([new ModelDescriptor("test", "chat-model-2025-01-01") { OwnedBy = "vendor" }, new ModelDescriptor("test", "brand-new")]);
        using var catalog = Create(new() { ["test"] = discovery });

        var result = await catalog.ListModelsAsync();

        var merged = result.Models.Single(m => m.ModelId == "chat-model-2025-01-01");
        merged.Discovered.ShouldBeTrue();
        merged.OwnedBy.ShouldBe("vendor");
        merged.Pricing!.InputPerMillionTokens.ShouldBe(2.00m);
        merged.ContextWindow.ShouldBe(100000);
        merged.Capabilities.HasFlag(ModelCapabilities.Tools).ShouldBeTrue();
        merged.ComplianceTags.ShouldContain("soc2");
        result.Models.Single(m => m.ModelId == "brand-new").Pricing.ShouldBeNull();
        var notListed = result.Models.Single(m => m.ModelId == "think-model");
        notListed.Discovered.ShouldBeFalse();
        result.Providers.Single().State.ShouldBe(DiscoveryState.Ok);
        result.Providers.Single().ModelCount.ShouldBe(2);
    }

    [Fact]
    public async Task Failures_are_reported_not_thrown()
    {
        var failing = new FakeDiscovery(error: new HttpRequestException("boom: 500 from https://api.example.test/models?key=sk-secretsecret1234"));
        using var catalog = Create(new() { ["test"] = failing, ["gemini"] = null });

        var result = await catalog.ListModelsAsync();

        var test = result.Providers.Single(p => p.ProviderId == "test");
        test.State.ShouldBe(DiscoveryState.Failed);
        test.Error!.ShouldContain("boom");
        test.Error!.ShouldNotContain("sk-secretsecret1234");
        result.Providers.Single(p => p.ProviderId == "gemini").State.ShouldBe(DiscoveryState.NotSupported);
        result.Models.ShouldContain(m => m.ProviderId == "test" && m.ModelId == "chat-model" && !m.Discovered);
        result.Models.ShouldContain(m => m.ProviderId == "gemini" && m.ModelId == "gemini-2.5-flash");
    }

    [Fact]
    public async Task Timeout_is_reported_as_timed_out()
    {
        var time = new FakeTimeProvider();
        var hanging = new FakeDiscovery(hang: true);
        using var catalog = Create(new() { ["test"] = hanging }, time: time, options: new ModelDiscoveryOptions { ProbeLocalServers = false, ProviderTimeout = TimeSpan.FromSeconds(2) });

        var listing = catalog.ListModelsAsync();
        await hanging.Started.Task;
        time.Advance(TimeSpan.FromSeconds(3));
        var result = await listing;

        result.Providers.Single().State.ShouldBe(DiscoveryState.TimedOut);
    }

    [Fact]
    public async Task Result_is_cached_for_the_ttl_and_refreshed_after()
    {
        var time = new FakeTimeProvider();
        var discovery = new FakeDiscovery([new ModelDescriptor("test", "chat-model")]);
        using var catalog = Create(new() { ["test"] = discovery }, time: time);

        await catalog.ListModelsAsync();
        await catalog.ListModelsAsync();
        discovery.Calls.ShouldBe(1);

        time.Advance(TimeSpan.FromMinutes(6));
        await catalog.ListModelsAsync();
        discovery.Calls.ShouldBe(2);

        await catalog.ListModelsAsync(refresh: true);
        discovery.Calls.ShouldBe(3);
    }

    [Fact]
    public async Task Local_probes_find_ollama_and_openai_compatible_servers_at_zero_cost()
    {
        var handler = new FakeHandler(uri => uri.Port switch
        {
            11434 => (HttpStatusCode.OK, """{"models":[{"name":"llama3.2:3b","model":"llama3.2:3b"}]}"""),
            1234 => (HttpStatusCode.OK, """{"object":"list","data":[{"id":"qwen2.5-7b-instruct","object":"model"}]}"""),
            _ => throw new HttpRequestException("Connection refused"),
        });
        using var http = new HttpClient(handler);
        var probe = new LocalModelProbe(http);
        using var catalog = new ModelCatalog([], _ => null, PriceCatalog.Create(null), new ModelDiscoveryOptions(), probe, probeTargets: ProbeTarget.From(LocalServers(), new Uri("http://127.0.0.1:11434")));

        var result = await catalog.ListModelsAsync();

        var ollama = result.Models.Single(m => m.ProviderId == "ollama");
        ollama.ModelId.ShouldBe("llama3.2:3b");
        ollama.Locality.ShouldBe(ProviderLocality.Local);
        ollama.Pricing!.InputPerMillionTokens.ShouldBe(0m);
        ollama.Discovered.ShouldBeTrue();
        result.Models.ShouldContain(m => m.QualifiedId == "lmstudio/qwen2.5-7b-instruct");
        result.Providers.Where(p => p.ProviderId == "mlx").ShouldAllBe(p => p.State == DiscoveryState.Unavailable && p.IsLocalProbe);
        result.Providers.Count(p => p.State == DiscoveryState.Ok).ShouldBe(2);
        handler.Requests.ShouldContain(new Uri("http://127.0.0.1:11434/api/tags"));
        handler.Requests.ShouldContain(new Uri("http://127.0.0.1:1234/v1/models"));
        handler.Requests.ShouldContain(new Uri("http://127.0.0.1:5901/v1/models"));
        handler.Requests.ShouldContain(new Uri("http://127.0.0.1:8080/v1/models"));
    }

    [Fact]
    public async Task Probe_timeout_is_reported_as_unavailable()
    {
        var time = new FakeTimeProvider();
        var handler = new FakeHandler(_ => throw new InvalidOperationException("not used")) { Hang = true };
        using var http = new HttpClient(handler);
        using var catalog = new ModelCatalog([], _ => null, Catalog, new ModelDiscoveryOptions(), new LocalModelProbe(http, time), time, probeTargets: [new ProbeTarget("ollama", new Uri("http://127.0.0.1:11434"), "/api/tags")]);

        var listing = catalog.ListModelsAsync();
        await handler.Started.Task;
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await listing;

        var status = result.Providers.Single();
        status.State.ShouldBe(DiscoveryState.Unavailable);
        status.Error!.ShouldContain("500 ms");
    }

    /// <summary>Descriptors with the local probes the Ollama, LM Studio and MLX definitions declare.</summary>
    private static ProviderDescriptor[] LocalServers() =>
    [
        new("ollama", "Ollama") { LocalProbes = [new LocalProbe(11434, "/api/tags") { HostEnvironmentVariable = "OLLAMA_HOST" }] },
        new("lmstudio", "LMStudio") { LocalProbes = [new LocalProbe(1234, "/v1/models")] },
        new("mlx", "Mlx") { LocalProbes = [new LocalProbe(5901, "/v1/models"), new LocalProbe(8080, "/v1/models")] },
    ];

    private static ModelCatalog Create(Dictionary<string, IModelDiscovery?> discoveries, FakeTimeProvider? time = null, ModelDiscoveryOptions? options = null)
    {
        var order = 0;
        var registrations = discoveries.Keys.Select(id => new ProviderRegistration(new ProviderDescriptor(id, id), _ => throw new InvalidOperationException()) { Order = order++ }).ToList();
        return new ModelCatalog(registrations, id => discoveries.GetValueOrDefault(id), Catalog, options ?? new ModelDiscoveryOptions { ProbeLocalServers = false }, probe: null, time ?? new FakeTimeProvider());
    }

    private sealed class FakeDiscovery(IReadOnlyList<ModelDescriptor>? models = null, Exception? error = null, bool hang = false) : IModelDiscovery
    {
        public int Calls { get; private set; }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default)
        {
            Calls++;
            Started.TrySetResult();
            if (hang)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (error is not null)
            {
                throw error;
            }

            return models ?? [];
        }
    }

    private sealed class FakeHandler(Func<Uri, (HttpStatusCode Status, string Body)> respond) : HttpMessageHandler
    {
        public List<Uri> Requests { get; } = [];

        public bool Hang { get; init; }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests)
            {
                Requests.Add(request.RequestUri!);
            }

            Started.TrySetResult();
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            var (status, body) = respond(request.RequestUri!);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }
}
