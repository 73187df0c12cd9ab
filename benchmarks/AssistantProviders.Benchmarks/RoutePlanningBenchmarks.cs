// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// How routing cost grows with the number of candidate routes: one OpenAI provider whose <c>Models</c> list has 3, 30 or 300
/// entries, a request with no model id (so every model is a candidate), default strategy and options, and the vendor answer
/// served from memory (a static handler as the provider's primary handler) so the router's planning and bookkeeping are what
/// grows. The first candidate serves; the others are planned, filtered, ranked and explained.
/// </summary>
[MemoryDiagnoser]
public class RoutePlanningBenchmarks
{
    private readonly List<ChatMessage> _messages = [new(ChatRole.User, "hi")];
    private ServiceProvider _services = null!;
    private IChatClient _router = null!;

    /// <summary>Gets or sets the number of candidate routes.</summary>
    [Params(3, 30, 300)]
    public int Routes { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["AssistantProviders:Providers:OpenAI:Endpoint"] = "http://127.0.0.1:9/v1/",
            ["AssistantProviders:Providers:OpenAI:ApiKey"] = "bench-key",
            ["AssistantProviders:Providers:OpenAI:DefaultModel"] = "m0",
        };
        for (var i = 0; i < Routes; i++)
        {
            settings["AssistantProviders:Providers:OpenAI:Models:" + i.ToString(CultureInfo.InvariantCulture)] = "m" + i.ToString(CultureInfo.InvariantCulture);
        }

        var services = new ServiceCollection();
        services.AddAssistantProviders(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).AddOpenAI();
        services.AddHttpClient("AssistantProviders.OpenAI").ConfigurePrimaryHttpMessageHandler(() => new StaticResponseHandler(BenchServer.CompletionJson, "application/json"));
        _services = services.BuildServiceProvider();
        _router = _services.GetRequiredService<IChatClient>();

        var response = await _router.GetResponseAsync(_messages);
        var explanation = response.AdditionalProperties?[AssistantProviderProperties.RouteExplanation] as Routing.RouteExplanation
            ?? throw new InvalidOperationException("The router attached no explanation.");
        var planned = explanation.Decisions.Select(d => d.Model).Distinct(StringComparer.Ordinal).Count();
        if (planned != Routes)
        {
            throw new InvalidOperationException($"Expected {Routes} candidate routes, the explanation names {planned}.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _services.DisposeAsync();

    [Benchmark(Description = "routed request, no model id, N candidate routes")]
    public async Task<int> Route() => (await _router.GetResponseAsync(_messages)).Text.Length;
}
