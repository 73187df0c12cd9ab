// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using AssistantProviders.Routing;
using AssistantProviders.Resilience;

namespace AssistantProviders.Tests.Routing;

/// <summary>The router adapts a route's limits from the vendor's <see cref="ProviderRateLimits"/> (x-ratelimit-* headers).</summary>
public sealed class VendorRateLimitTests
{
    [Fact]
    public async Task No_requests_left_until_reset_skips_the_route_until_the_reset_without_counting_a_failure()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        harness.Add("b");
        a.Chat.Respond = (call, _, _) => Task.FromResult(Reply(call == 0 ? new ProviderRateLimits { RemainingRequests = 0, ResetRequests = TimeSpan.FromSeconds(20) } : null));

        (await harness.Chat.GetResponseAsync("1")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
        var second = await harness.Chat.GetResponseAsync("2");

        second.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        second.AdditionalProperties[AssistantProviderProperties.RouteExplanation]!.ToString()!.ShouldContain("vendor rate limit (no requests left)");
        a.Chat.Calls.ShouldBe(1);
        var health = harness.Health.GetProvider("a").Single();
        health.ErrorRate.ShouldBe(0);
        health.CircuitState.ShouldBe(RouteCircuitState.Closed);

        harness.Time.Advance(TimeSpan.FromSeconds(19));
        (await harness.Chat.GetResponseAsync("3")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        (await harness.Chat.GetResponseAsync("4")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
    }

    [Fact]
    public async Task WaitForRateLimit_waits_for_the_vendor_reset_on_the_fake_clock()
    {
        using var harness = new RouterHarness(o => o.WaitForRateLimit = true);
        var a = harness.Add("a");
        harness.Add("b");
        a.Chat.Respond = (call, _, _) => Task.FromResult(Reply(call == 0 ? new ProviderRateLimits { RemainingRequests = 0, ResetRequests = TimeSpan.FromSeconds(10) } : null));

        await harness.Chat.GetResponseAsync("1");
        var second = harness.Chat.GetResponseAsync("2");
        second.IsCompleted.ShouldBeFalse();
        harness.Time.Advance(TimeSpan.FromSeconds(10));

        (await second.Guard()).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
        a.Chat.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_reset_longer_than_MaxRetryAfter_is_not_waited_for_even_with_WaitForRateLimit()
    {
        using var harness = new RouterHarness(o => o.WaitForRateLimit = true);
        var a = harness.Add("a");
        harness.Add("b");
        a.Chat.Respond = (call, _, _) => Task.FromResult(Reply(call == 0 ? new ProviderRateLimits { RemainingRequests = 0, ResetRequests = TimeSpan.FromHours(6) } : null));

        await harness.Chat.GetResponseAsync("1");

        (await harness.Chat.GetResponseAsync("2").Guard()).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
    }

    [Fact]
    public async Task A_later_report_with_requests_left_clears_the_saturation()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a", o => o.Priority = 0);
        var b = harness.Add("b", o => o.Priority = 1);
        a.Chat.Respond = (_, _, _) => Task.FromResult(Reply(new ProviderRateLimits { RemainingRequests = 0, ResetRequests = TimeSpan.FromSeconds(30) }));

        await harness.Chat.GetResponseAsync("1");
        (await harness.Chat.GetResponseAsync("2")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        a.Chat.Respond = (_, _, _) => Task.FromResult(Reply(new ProviderRateLimits { RemainingRequests = 5, ResetRequests = TimeSpan.FromSeconds(30) }));
        await harness.Chat.GetResponseAsync("3");
        (await harness.Chat.GetResponseAsync("4")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
        b.Chat.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Fewer_tokens_left_than_the_estimate_skips_the_route_until_the_token_reset()
    {
        using var harness = new RouterHarness();
        harness.Accounting.InputTokens = 500;
        var a = harness.Add("a");
        harness.Add("b");
        a.Chat.Respond = (_, _, _) => Task.FromResult(Reply(new ProviderRateLimits { RemainingTokens = 400, ResetTokens = TimeSpan.FromSeconds(6) }));

        await harness.Chat.GetResponseAsync("1");
        var second = await harness.Chat.GetResponseAsync("2");

        second.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        second.AdditionalProperties[AssistantProviderProperties.RouteExplanation]!.ToString()!.ShouldContain("fewer tokens left");
        harness.Time.Advance(TimeSpan.FromSeconds(6));
        (await harness.Chat.GetResponseAsync("3")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
    }

    [Fact]
    public async Task A_vendor_request_limit_lower_than_configured_is_adopted()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a", o => o.RequestsPerMinute = 100);
        harness.Add("b");
        a.Chat.Respond = (_, _, _) => Task.FromResult(Reply(new ProviderRateLimits { LimitRequests = 2, RemainingRequests = 1 }));

        var served = new List<object?>();
        for (var i = 0; i < 3; i++)
        {
            served.Add((await harness.Chat.GetResponseAsync("hi")).AdditionalProperties![AssistantProviderProperties.Provider]);
        }

        served.ShouldBe(["a", "a", "b"]);
        harness.LogText().ShouldContain("Provider 'a' requests limit now 2/min from the vendor's rate-limit headers (configured 100)");
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        (await harness.Chat.GetResponseAsync("hi")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
    }

    [Fact]
    public async Task A_vendor_limit_higher_than_configured_never_raises_the_local_limit()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a", o => o.RequestsPerMinute = 2);
        harness.Add("b");
        a.Chat.Respond = (_, _, _) => Task.FromResult(Reply(new ProviderRateLimits { LimitRequests = 10_000 }));

        var served = new List<object?>();
        for (var i = 0; i < 3; i++)
        {
            served.Add((await harness.Chat.GetResponseAsync("hi")).AdditionalProperties![AssistantProviderProperties.Provider]);
        }

        served.ShouldBe(["a", "a", "b"]);
    }

    [Fact]
    public async Task A_vendor_token_limit_lower_than_configured_is_adopted()
    {
        using var harness = new RouterHarness();
        harness.Accounting.InputTokens = 40;
        var a = harness.Add("a", o => o.TokensPerMinute = 10_000);
        harness.Add("b");
        a.Chat.Respond = (_, _, _) => Task.FromResult(Reply(new ProviderRateLimits { LimitTokens = 100 }));

        var served = new List<object?>();
        for (var i = 0; i < 4; i++)
        {
            served.Add((await harness.Chat.GetResponseAsync("hi")).AdditionalProperties![AssistantProviderProperties.Provider]);
        }

        // 40 + 40 = 80 of the adopted 100: the third request (120) no longer fits.
        served.ShouldBe(["a", "a", "b", "b"]);
        harness.LogText().ShouldContain("Provider 'a' tokens limit now 100/min from the vendor's rate-limit headers (configured 10000)");
    }

    [Fact]
    public async Task The_first_streamed_update_carries_the_report()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        harness.Add("b");
        a.Chat.Stream = (call, _, ct) => WithLimits(FakeChatClient.Updates(["x", "y"], ct), new ProviderRateLimits { RemainingRequests = 0, ResetRequests = TimeSpan.FromSeconds(15) });

        var (first, error) = await Streams.Collect(harness.Chat.GetStreamingResponseAsync("1"));
        error.ShouldBeNull();
        first.ShouldNotBeEmpty();

        (await harness.Chat.GetResponseAsync("2")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
    }

    [Fact]
    public async Task Embeddings_adapt_from_their_report_too()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        var b = harness.Add("b");
        var reporting = new RateLimitReportingEmbeddings(a.Embeddings, new ProviderRateLimits { RemainingRequests = 0, ResetRequests = TimeSpan.FromSeconds(15) });
        harness.Services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>("a", reporting);

        await harness.Embeddings.GenerateAsync(["one"]);
        await Should.ThrowAsync<Exception>(harness.Embeddings.GenerateAsync(["two"]));

        // The store is pinned to a's model, so b (another model) is not a failover target: the saturated route is held back.
        a.Embeddings.Calls.ShouldBe(1);
        b.Embeddings.Calls.ShouldBe(0);
        harness.Time.Advance(TimeSpan.FromSeconds(15));
        await harness.Embeddings.GenerateAsync(["three"]);
        a.Embeddings.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_provider_with_a_key_pool_leaves_saturation_to_its_key_rotation()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a", o =>
        {
            o.ApiKey = "key-one-for-the-pool";
            o.ApiKeys.Add(new ApiKey("key-two-for-the-pool"));
        });
        harness.Add("b");
        a.Chat.Respond = (_, _, _) => Task.FromResult(Reply(new ProviderRateLimits { RemainingRequests = 0, ResetRequests = TimeSpan.FromSeconds(20) }));

        await harness.Chat.GetResponseAsync("1");

        (await harness.Chat.GetResponseAsync("2")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
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

    private static async IAsyncEnumerable<ChatResponseUpdate> WithLimits(IAsyncEnumerable<ChatResponseUpdate> updates, ProviderRateLimits limits)
    {
        var first = true;
        await foreach (var update in updates)
        {
            if (first)
            {
                (update.AdditionalProperties ??= [])[ProviderRateLimits.Key] = limits;
                first = false;
            }

            yield return update;
        }
    }
}
