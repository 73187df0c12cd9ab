// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AssistantProviders.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AssistantProviders.AspNetCore.Tests;

/// <summary>
/// The gateway hosted in-process on loopback Kestrel (127.0.0.1, a free port) over the real engine with the emulator provider
/// (a second loopback server). Two tenants: <c>team-a</c> with a plain key, <c>team-b</c> with a <c>sha256:</c> key.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    public const string KeyA = "gw-test-key-team-a-7f3c1e9b2d";
    public const string KeyB = "gw-test-key-team-b-4a8d0c6e1f";

    private readonly WebApplication _app;

    private GatewayHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the gateway's base address (for example <c>http://127.0.0.1:41234/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the OpenAI-compatible endpoint (<c>…/v1</c>).</summary>
    public Uri OpenAIEndpoint => new(BaseAddress, "v1");

    public IServiceProvider Services => _app.Services;

    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    /// <summary>Gets the in-process emulator the <c>emulator</c> provider talks to.</summary>
    public EmulatorServer Emulator => _app.Services.GetRequiredKeyedService<EmulatorServer>(EmulatorDefaults.ProviderId);

    public static string Sha256Of(string key) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static async Task<GatewayHost> StartAsync(
        Action<IAssistantProvidersBuilder>? providers = null,
        Dictionary<string, string?>? config = null,
        Action<GatewayOptions>? gateway = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var settings = new Dictionary<string, string?>
        {
            ["AssistantProviders:Gateway:Keys:team-a"] = KeyA,
            ["AssistantProviders:Gateway:Keys:team-b"] = Sha256Of(KeyB),
            ["AssistantProviders:Routing:RetryBaseDelay"] = "00:00:00",
        };
        foreach (var (key, value) in config ?? [])
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddFakeLogging();

        var engine = builder.Services.AddAssistantProviders(builder.Configuration);
        if (providers is null)
        {
            engine.AddEmulator();
        }
        else
        {
            providers(engine);
        }

        builder.Services.AddAssistantProvidersGateway(gateway);
        builder.Services.AddHealthChecks().AddAssistantProviders();
        var app = builder.Build();
        app.MapAssistantProvidersOpenAI("/v1");
        app.MapAssistantProvidersDashboard("/assistant-providers");
        app.MapHealthChecks("/healthz");
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new GatewayHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>An HttpClient on the gateway; with <paramref name="key"/> it sends <c>Authorization: Bearer</c>.</summary>
    public HttpClient Client(string? key = KeyA)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
