// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// The gateway as a user gets it by default (the README's three lines): <c>WebApplication.CreateBuilder</c>,
/// <c>AddAssistantProviders(configuration).AddOpenAI()</c>, <c>AddAssistantProvidersGateway()</c> and
/// <c>MapAssistantProvidersOpenAI("/v1")</c> on loopback Kestrel. Configuration names only what a user must: one gateway key and
/// the OpenAI provider's endpoint (the upstream loopback server), key and default model. No engine or gateway tuning: no
/// RequestsPerMinute, timeouts or caps (the engine sets none by default). Logging providers are cleared, as in BenchServer, so
/// console logging is not what is measured.
/// </summary>
internal sealed class GatewayBenchHost : IAsyncDisposable
{
    public const string Key = "gw-bench-key-7f3c1e9b2d";
    public const string Model = "openai/gpt-4.1-mini";
    private readonly WebApplication _app;

    private GatewayBenchHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the gateway's base address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the OpenAI-compatible endpoint, <c>…/v1/</c>.</summary>
    public Uri OpenAIEndpoint => new(BaseAddress, "v1/");

    /// <summary>Gets the chat router the gateway calls (the app's unkeyed <see cref="IChatClient"/>), for the in-process cases.</summary>
    public IChatClient Router => _app.Services.GetRequiredService<IChatClient>();

    public static async Task<GatewayBenchHost> StartAsync(Uri upstreamOpenAIEndpoint)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AssistantProviders:Gateway:Keys:bench"] = Key,
            ["AssistantProviders:Providers:OpenAI:Endpoint"] = upstreamOpenAIEndpoint.ToString(),
            ["AssistantProviders:Providers:OpenAI:ApiKey"] = "bench-upstream-key",
            ["AssistantProviders:Providers:OpenAI:DefaultModel"] = "gpt-4.1-mini",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddAssistantProviders(builder.Configuration).AddOpenAI();
        builder.Services.AddAssistantProvidersGateway();
        var app = builder.Build();
        app.MapAssistantProvidersOpenAI("/v1");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayBenchHost(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>An HttpClient on the gateway with <c>Authorization: Bearer</c> set.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = OpenAIEndpoint };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
