// Licensed under the MIT License. See LICENSE in the project root.
using System.ClientModel;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Gateway;

/// <summary>
/// The embeddings suite through the gateway: MEAI's OpenAI adapter (<c>OpenAI.Embeddings.EmbeddingClient(...).AsIEmbeddingGenerator()</c>,
/// base64 encoding as the SDK sends it) → HTTP → the gateway's <c>/v1/embeddings</c> → the embedding router → the emulator
/// provider → the emulator. Error cases that assert AssistantProviders' exception types are skipped with their reason and
/// replaced by <c>Gateway_*</c> tests of the gateway's answer.
/// </summary>
public sealed class GatewayEmbeddingConformanceTests(EmulatorFixture fixture) : EmbeddingGeneratorConformanceTests(fixture), IAsyncLifetime
{
    private const string SdkErrors = "the client under test is the OpenAI SDK (MEAI's AsIEmbeddingGenerator), which surfaces every non-2xx answer as System.ClientModel.ClientResultException, never as AssistantProviders' typed exceptions";

    private static readonly Dictionary<string, string> NotThroughTheGateway = new()
    {
        [nameof(Error_401_IsAuthenticationException_WithoutTheKey)] =
            "the vendor's 401 is the gateway's 502 upstream_authentication by design (a 401 would blame the caller's gateway key), and " + SdkErrors + "; replaced by " + nameof(Gateway_Upstream401_Is502UpstreamAuthentication_WithoutEitherKey) + ".",
        [nameof(Error_429_WithRetryAfter_IsRateLimitedException)] =
            SdkErrors + " (here status 429 with the vendor's Retry-After on the raw response); replaced by " + nameof(Gateway_Upstream429_Is429_WithTheVendorsRetryAfter) + ".",
        [nameof(Error_MalformedJson_IsInvalidResponseException)] =
            "the vendor's unparsable answer is the gateway's 502 upstream_error, and " + SdkErrors + "; replaced by " + nameof(Gateway_UpstreamMalformedJson_Is502UpstreamError) + ".",
    };

    private GatewayUnderTest? _gateway;

    protected override string ProviderId => "openai";

    protected override string EmulatorVendor => EmulatorDefaults.ProviderId;

    private GatewayUnderTest Gateway => _gateway ?? throw new InvalidOperationException("The gateway has not started.");

    public async ValueTask InitializeAsync() =>
        _gateway = await GatewayUnderTest.StartAsync(Emulator, ConformanceConstants.ApiKey, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Gateway_Upstream401_Is502UpstreamAuthentication_WithoutEitherKey()
    {
        using var generator = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status401, Count = 1 });

        var ex = await Should.ThrowAsync<ClientResultException>(() => generator.GenerateAsync(["hello"], Options(), TestContext.Current.CancellationToken));

        GatewayUnderTest.ShouldBeGatewayError(ex, 502, "upstream_authentication");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Gateway_Upstream429_Is429_WithTheVendorsRetryAfter()
    {
        using var generator = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status429, RetryAfter = "5", Count = 1 });

        var ex = await Should.ThrowAsync<ClientResultException>(() => generator.GenerateAsync(["hello"], Options(), TestContext.Current.CancellationToken));

        GatewayUnderTest.ShouldBeGatewayError(ex, 429, "rate_limit_exceeded");
        ex.GetRawResponse().ShouldNotBeNull().Headers.TryGetValue("Retry-After", out var retryAfter).ShouldBeTrue();
        retryAfter.ShouldBe("5");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Gateway_UpstreamMalformedJson_Is502UpstreamError()
    {
        using var generator = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.MalformedJson, Count = 1 });

        var ex = await Should.ThrowAsync<ClientResultException>(() => generator.GenerateAsync(["hello"], Options(), TestContext.Current.CancellationToken));

        GatewayUnderTest.ShouldBeGatewayError(ex, 502, "upstream_error");
    }

    protected override IEmbeddingGenerator<string, Embedding<float>> CreateGenerator(EmulatorServer emulator, string apiKey)
    {
        if (TestContext.Current.TestMethod?.MethodName is { } test && NotThroughTheGateway.TryGetValue(test, out var reason))
        {
            Assert.Skip("Not through the gateway: " + reason);
        }

        return new global::OpenAI.Embeddings.EmbeddingClient(ModelId, GatewayUnderTest.Credential(), Gateway.ClientOptions()).AsIEmbeddingGenerator();
    }
}
