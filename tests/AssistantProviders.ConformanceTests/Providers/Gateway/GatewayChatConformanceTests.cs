// Licensed under the MIT License. See LICENSE in the project root.
using System.ClientModel;
using System.Net;
using System.Text;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.Gateway;

/// <summary>
/// The chat suite through the gateway: MEAI's OpenAI adapter (<c>OpenAI.Chat.ChatClient(...).AsIChatClient()</c>) → HTTP →
/// the gateway's <c>/v1/chat/completions</c> → the chat router → the emulator provider → the emulator. The client under test
/// is the OpenAI SDK, so its metadata names <c>openai</c>; the engine's provider is <c>emulator</c> (the segment faults target).
/// Where the suite asserts AssistantProviders' own exception types, which no OpenAI wire client raises, the case is skipped
/// with its reason and replaced by a <c>Gateway_*</c> test of what the gateway answers for the same fault.
/// </summary>
public sealed class GatewayChatConformanceTests(EmulatorFixture fixture) : ChatClientConformanceTests(fixture), IAsyncLifetime
{
    private const string SdkErrors = "the client under test is the OpenAI SDK (MEAI's AsIChatClient), which surfaces every non-2xx answer as System.ClientModel.ClientResultException, never as AssistantProviders' typed exceptions";

    private static readonly Dictionary<string, string> NotThroughTheGateway = new()
    {
        [nameof(Error_401_IsAuthenticationException_WithoutTheKey)] =
            "the vendor's 401 is the gateway's 502 upstream_authentication by design (a 401 would blame the caller's gateway key), and " + SdkErrors + "; replaced by " + nameof(Gateway_Upstream401_Is502UpstreamAuthentication_WithoutEitherKey) + ".",
        [nameof(Error_429_WithRetryAfter_IsRateLimitedException)] =
            SdkErrors + " (here status 429 with the vendor's Retry-After on the raw response); replaced by " + nameof(Gateway_Upstream429_Is429_WithTheVendorsRetryAfter) + ".",
        [nameof(Error_429_OnStreaming_IsRateLimitedException_BeforeAnyUpdate)] =
            SdkErrors + " (here a plain 429 with Retry-After before any SSE chunk); replaced by " + nameof(Gateway_Upstream429_OnStreaming_Is429_BeforeAnyUpdate) + ".",
        [nameof(Error_500_IsTransientAssistantProviderException)] =
            "the vendor's 500 is the gateway's 502 upstream_error, and " + SdkErrors + "; replaced by " + nameof(Gateway_Upstream500_AndMalformedAnswers_Are502UpstreamError) + ".",
        [nameof(Error_MalformedJson_IsInvalidResponseException)] =
            "the vendor's unparsable answer is the gateway's 502 upstream_error, and " + SdkErrors + "; replaced by " + nameof(Gateway_Upstream500_AndMalformedAnswers_Are502UpstreamError) + ".",
        [nameof(Error_MalformedStreamEvent_IsATypedException_NotText)] =
            "the provider fails on the first event, before the gateway has sent a chunk, so the gateway answers a plain 502 upstream_error, and " + SdkErrors + "; replaced by " + nameof(Gateway_Upstream500_AndMalformedAnswers_Are502UpstreamError) + ".",
        [nameof(Error_StreamCutAfterChunks_IsIncompleteStreamException_AfterThePartialOutput)] =
            "after the first chunk the gateway reports the cut as an SSE 'event: error' and then ends the response without its final chunk; the OpenAI SDK ignores SSE error events, so what reaches the adapter's caller is the SDK's own exception for the truncated body, not AssistantProviders' IncompleteStreamException; the wire is asserted by " + nameof(Gateway_StreamCut_IsAnSseErrorEvent_ThenATruncatedBody) + " and the SDK's failure by " + nameof(Gateway_StreamCut_FailsTheAdaptersStream_AfterThePartialOutput) + ".",
        [nameof(ListModels_ReturnsTheVendorsModels)] =
            "IModelDiscovery is AssistantProviders' interface and MEAI's OpenAI IChatClient does not expose it; the gateway's GET /v1/models is asserted through the OpenAI SDK's OpenAIModelClient by " + nameof(Gateway_ListModels_ReturnsTheEnginesModels_AsProviderQualifiedIds) + ".",
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
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status401, Count = 1 });

        var ex = await Should.ThrowAsync<ClientResultException>(() => client.GetResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken));

        GatewayUnderTest.ShouldBeGatewayError(ex, 502, "upstream_authentication");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Gateway_Upstream429_Is429_WithTheVendorsRetryAfter()
    {
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status429, RetryAfter = "7", Count = 1 });

        var ex = await Should.ThrowAsync<ClientResultException>(() => client.GetResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken));

        GatewayUnderTest.ShouldBeGatewayError(ex, 429, "rate_limit_exceeded");
        ex.GetRawResponse().ShouldNotBeNull().Headers.TryGetValue("Retry-After", out var retryAfter).ShouldBeTrue();
        retryAfter.ShouldBe("7");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Gateway_Upstream429_OnStreaming_Is429_BeforeAnyUpdate()
    {
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status429, RetryAfter = "3", Count = 1 });
        var updates = 0;

        var ex = await Should.ThrowAsync<ClientResultException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken))
            {
                updates++;
            }
        });

        GatewayUnderTest.ShouldBeGatewayError(ex, 429, "rate_limit_exceeded");
        ex.GetRawResponse().ShouldNotBeNull().Headers.TryGetValue("Retry-After", out var retryAfter).ShouldBeTrue();
        retryAfter.ShouldBe("3");
        updates.ShouldBe(0);
    }

    [Theory(Timeout = ConformanceConstants.TestTimeout)]
    [InlineData(FaultKind.Status500, false)]
    [InlineData(FaultKind.MalformedJson, false)]
    [InlineData(FaultKind.MalformedJson, true)]
    public async Task Gateway_Upstream500_AndMalformedAnswers_Are502UpstreamError(FaultKind kind, bool streaming)
    {
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = kind, Count = 1 });
        var text = new StringBuilder();

        var ex = await Should.ThrowAsync<ClientResultException>(async () =>
        {
            if (!streaming)
            {
                await client.GetResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken);
                return;
            }

            await foreach (var update in client.GetStreamingResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken))
            {
                text.Append(update.Text);
            }
        });

        GatewayUnderTest.ShouldBeGatewayError(ex, 502, "upstream_error");
        text.ToString().ShouldBeEmpty("nothing of a failed answer reaches the caller as text");
    }

    [Theory(Timeout = ConformanceConstants.TestTimeout)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Gateway_StreamCut_IsAnSseErrorEvent_ThenATruncatedBody(int textDeltas)
    {
        using var fault = Fixture.Fault(EmulatorFault.CutStreamAfterChunks(EmulatorVendor, StreamFramesBeforeText + textDeltas));
        using var http = GatewayUnderTest.Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, Gateway.OpenAIEndpoint + "/chat/completions")
        {
            Content = new StringContent(
                "{\"model\":\"" + ModelId + "\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}",
                Encoding.UTF8,
                "application/json"),
        };

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var body = new StringBuilder();
        var truncated = false;
        await using (var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken))
        {
            var buffer = new byte[4096];
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
                {
                    body.Append(Encoding.UTF8.GetString(buffer, 0, read));
                }
            }
            catch (IOException)
            {
                truncated = true;
            }
        }

        var text = body.ToString();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType.ShouldNotBeNull().MediaType.ShouldBe("text/event-stream");
        truncated.ShouldBeTrue("the response must end without its final chunk, so no client takes it for a whole answer");
        text.ShouldContain("\"content\":", customMessage: "the text received before the cut is sent");
        text.ShouldContain("event: error\ndata: {\"error\":");
        text.ShouldNotContain("[DONE]", customMessage: "a cut stream must never look finished");
        text.ShouldNotContain("\"finish_reason\":\"stop\"");
        text.ShouldNotContain(ConformanceConstants.ApiKey);
    }

    [Theory(Timeout = ConformanceConstants.TestTimeout)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Gateway_StreamCut_FailsTheAdaptersStream_AfterThePartialOutput(int textDeltas)
    {
        using var client = new global::OpenAI.Chat.ChatClient(ModelId, GatewayUnderTest.Credential(), Gateway.ClientOptions()).AsIChatClient();
        using var fault = Fixture.Fault(EmulatorFault.CutStreamAfterChunks(EmulatorVendor, StreamFramesBeforeText + textDeltas));
        var updates = new List<ChatResponseUpdate>();

        var failure = await Should.ThrowAsync<Exception>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken))
            {
                updates.Add(update);
            }
        });

        failure.ShouldNotBeAssignableTo<OperationCanceledException>();
        var partial = string.Concat(updates.Select(u => u.Text));
        partial.ShouldNotBeEmpty("the text received before the cut is exposed");
        ExpectedAnswer.ShouldStartWith(partial);
        partial.ShouldNotBe(ExpectedAnswer);
        updates.ShouldNotContain(u => u.FinishReason != null, "a cut stream must never look finished");
        failure.ToString().ShouldNotContain(ConformanceConstants.ApiKey);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Gateway_ListModels_ReturnsTheEnginesModels_AsProviderQualifiedIds()
    {
        var models = new global::OpenAI.Models.OpenAIModelClient(GatewayUnderTest.Credential(), Gateway.ClientOptions());

        var list = await models.GetModelsAsync(TestContext.Current.CancellationToken);

        var ids = list.Value.Select(m => m.Id).ToList();
        ids.ShouldContain(EmulatorDefaults.ProviderId + "/" + EmulatorDefaults.CheapModel);
        ids.ShouldContain(EmulatorDefaults.ProviderId + "/" + EmulatorDefaults.PremiumModel);
    }

    protected override IChatClient CreateChatClient(EmulatorServer emulator, string apiKey)
    {
        if (TestContext.Current.TestMethod?.MethodName is { } test && NotThroughTheGateway.TryGetValue(test, out var reason))
        {
            Assert.Skip("Not through the gateway: " + reason);
        }

        return new global::OpenAI.Chat.ChatClient(ModelId, GatewayUnderTest.Credential(), Gateway.ClientOptions()).AsIChatClient();
    }
}
