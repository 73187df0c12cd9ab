// Licensed under the MIT License. See LICENSE in the project root.
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AssistantProviders.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.ConformanceTests.Providers.Gateway;

/// <summary>
/// The gateway (<c>AddAssistantProvidersGateway()</c> + <c>MapAssistantProvidersOpenAI("/v1")</c>) hosted in-process on loopback
/// Kestrel (127.0.0.1, a free port) over the real engine, whose only provider is <c>AddEmulator()</c> pointed at the suite's
/// emulator. One per test, so the router's per-route state (cooldowns, a provider disabled by a rejected key) never leaks
/// into the next test. The OpenAI SDK clients it hands out are what a caller of the gateway would use.
/// </summary>
internal sealed class GatewayUnderTest : IAsyncDisposable
{
    /// <summary>The gateway key the clients present (tenant <c>conformance</c>); distinct from the vendor key the engine holds.</summary>
    public const string GatewayKey = "gw-conformance-5b0e2c7d91f4a6";

    private readonly WebApplication _app;

    private GatewayUnderTest(WebApplication app, Uri endpoint)
    {
        _app = app;
        OpenAIEndpoint = endpoint;
    }

    /// <summary>Gets the gateway's OpenAI-compatible endpoint (<c>http://127.0.0.1:port/v1</c>).</summary>
    public Uri OpenAIEndpoint { get; }

    /// <summary>Starts the gateway over the emulator provider, which calls <paramref name="emulator"/> with <paramref name="vendorKey"/>.</summary>
    /// <param name="emulator">The suite's emulator (faults and recorded requests stay visible to the suite).</param>
    /// <param name="vendorKey">The emulator provider's key: the engine's secret, which no answer of the gateway may carry.</param>
    /// <param name="cancellationToken">The test's token.</param>
    /// <returns>The running gateway.</returns>
    public static async Task<GatewayUnderTest> StartAsync(EmulatorServer emulator, string vendorKey, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AssistantProviders:Gateway:Keys:conformance"] = GatewayKey,
            ["AssistantProviders:Providers:Emulator:Endpoint"] = emulator.GetOpenAICompatibleEndpoint(EmulatorDefaults.ProviderId).ToString(),
            ["AssistantProviders:Providers:Emulator:ApiKey"] = vendorKey,

            // One injected fault reaches the caller as it would without a retry (the suites inject Count = 1 faults), as in RoutedProviders.
            ["AssistantProviders:Routing:MaxRetriesPerRoute"] = "0",
            ["AssistantProviders:Routing:RetryBaseDelay"] = "00:00:00",
        });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();

        builder.Services.AddAssistantProviders(builder.Configuration).AddEmulator();
        builder.Services.AddAssistantProvidersGateway();
        var app = builder.Build();
        app.MapAssistantProvidersOpenAI("/v1");
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new GatewayUnderTest(app, new Uri(address.TrimEnd('/') + "/v1"));
    }

    /// <summary>Creates the OpenAI SDK's options for the gateway: its endpoint, and no client-side retry, so the client reports what the gateway answered.</summary>
    /// <returns>The options.</returns>
    public global::OpenAI.OpenAIClientOptions ClientOptions() => new()
    {
        Endpoint = OpenAIEndpoint,
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
    };

    /// <summary>Creates the gateway key credential.</summary>
    /// <returns>The credential.</returns>
    public static ApiKeyCredential Credential() => new(GatewayKey);

    /// <summary>
    /// Asserts that the OpenAI SDK's exception carries the gateway's OpenAI-shaped error (<paramref name="status"/>,
    /// <c>error.code</c>) and that neither the exception nor the body holds the vendor key or the gateway key.
    /// </summary>
    /// <param name="ex">The exception the client threw.</param>
    /// <param name="status">The expected HTTP status.</param>
    /// <param name="code">The expected <c>error.code</c>.</param>
    public static void ShouldBeGatewayError(ClientResultException ex, int status, string code)
    {
        ex.Status.ShouldBe(status);
        var body = ex.GetRawResponse().ShouldNotBeNull().Content.ToString();
        using var json = JsonDocument.Parse(body);
        var error = json.RootElement.GetProperty("error");
        error.GetProperty("code").GetString().ShouldBe(code, body);
        error.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        foreach (var secret in new[] { ConformanceConstants.ApiKey, GatewayKey })
        {
            ex.ToString().ShouldNotContain(secret);
            body.ShouldNotContain(secret);
        }
    }

    /// <summary>Creates a plain HTTP client that presents the gateway key, to read the wire itself.</summary>
    /// <returns>The client.</returns>
    public static HttpClient Http()
    {
        var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GatewayKey);
        return client;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
