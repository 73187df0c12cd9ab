// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Routing;

/// <summary>A vendor-reported hold (x-ratelimit-remaining-requests: 0 with a reset) is capped like a Retry-After and never locks out the only route.</summary>
public sealed class VendorHoldTests
{
    private static readonly TimeSpan AlmostADay = new(23, 59, 59);

    [Fact]
    public async Task A_24_hour_reset_never_holds_back_the_only_route()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        a.Chat.Respond = (call, _, _) => Task.FromResult(Reply(call == 0 ? new ProviderRateLimits { RemainingRequests = 0, ResetRequests = AlmostADay } : null));

        await harness.Chat.GetResponseAsync("1");
        var second = await harness.Chat.GetResponseAsync("2");

        second.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
        a.Chat.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_reset_longer_than_MaxRetryAfter_holds_the_route_for_MaxRetryAfter_only()
    {
        using var harness = new RouterHarness(o => o.MaxRetryAfter = TimeSpan.FromSeconds(30));
        var a = harness.Add("a");
        harness.Add("b");
        a.Chat.Respond = (call, _, _) => Task.FromResult(Reply(call == 0 ? new ProviderRateLimits { RemainingRequests = 0, ResetRequests = AlmostADay } : null));

        await harness.Chat.GetResponseAsync("1");
        (await harness.Chat.GetResponseAsync("2")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        harness.Time.Advance(TimeSpan.FromSeconds(30));

        (await harness.Chat.GetResponseAsync("3")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
    }

    [Fact]
    public async Task A_token_reset_longer_than_MaxRetryAfter_is_capped_too()
    {
        using var harness = new RouterHarness(o => o.MaxRetryAfter = TimeSpan.FromSeconds(30));
        harness.Accounting.InputTokens = 500;
        var a = harness.Add("a");
        harness.Add("b");
        a.Chat.Respond = (call, _, _) => Task.FromResult(Reply(call == 0 ? new ProviderRateLimits { RemainingTokens = 10, ResetTokens = AlmostADay } : null));

        await harness.Chat.GetResponseAsync("1");
        (await harness.Chat.GetResponseAsync("2")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        harness.Time.Advance(TimeSpan.FromSeconds(30));

        (await harness.Chat.GetResponseAsync("3")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
    }

    private static ChatResponse Reply(ProviderRateLimits? limits)
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"));
        if (limits is not null)
        {
            response.AdditionalProperties = new() { [ProviderRateLimits.Key] = limits };
        }

        return response;
    }
}
