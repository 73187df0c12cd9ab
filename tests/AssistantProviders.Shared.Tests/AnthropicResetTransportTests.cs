// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.Shared.OpenAIWire;
using AssistantProviders.Shared.Tests.Support;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.Shared.Tests;

/// <summary>
/// Anthropic's <c>anthropic-ratelimit-*-reset</c> headers are RFC 3339 timestamps; the transport turns them into a reset
/// relative to its <see cref="TimeProvider"/> (issue 12: they used to be ignored, so an exhausted Anthropic route had no reset).
/// </summary>
public sealed class AnthropicResetTransportTests
{
    private const string ChatOk = """{"id":"r1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""";

    [Fact]
    public async Task AnthropicResetTimestamps_BecomeResetsRelativeToTheTransportClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 17, 0, 0, TimeSpan.Zero));
        var handler = new VerbatimHttpHandler().Respond(ChatOk, HttpStatusCode.OK, "application/json", new Dictionary<string, string>
        {
            ["anthropic-ratelimit-requests-remaining"] = "0",
            ["anthropic-ratelimit-requests-reset"] = "2026-12-02T17:00:30Z",
            ["anthropic-ratelimit-tokens-remaining"] = "100",
            ["anthropic-ratelimit-tokens-reset"] = "2026-12-02T17:01:15Z",
        });
        using var transport = new ProviderTransport(TestWire.Descriptor(), new TestOptions { ApiKey = TestWire.Key }, new HttpClient(handler), ProviderAuth.Bearer, timeProvider: time);
        using var client = new OpenAIWireChatClient(transport, OpenAIWireProfile.Default);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken);

        var limits = response.AdditionalProperties![ProviderRateLimits.Key].ShouldBeOfType<ProviderRateLimits>();
        limits.RemainingRequests.ShouldBe(0);
        limits.ResetRequests.ShouldBe(TimeSpan.FromSeconds(30));
        limits.RemainingTokens.ShouldBe(100);
        limits.ResetTokens.ShouldBe(TimeSpan.FromSeconds(75));
    }
}
