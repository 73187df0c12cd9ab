// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Resilience;

namespace AssistantProviders.Redis.Tests;

public sealed class RedisRateLimitTests : IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;

    public RedisRateLimitTests(RedisServerFixture redis)
    {
        _redis = redis;
    }

    [Fact]
    public async Task An_rpm_limit_of_30_admits_30_across_three_instances()
    {
        _redis.SkipIfUnavailable();
        using var fleet = new Fleet(_redis, 3, new Dictionary<string, string?>());
        var locals = Enumerable.Range(0, 3).Select(_ => new LocalRateLimiter(30, fleet.Time)).ToArray();
        try
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 90).Select(i => Task.Run(async () =>
                await fleet.RateLimits(i % 3).TryAcquireAsync("groq", RateLimitKind.Requests, locals[i % 3], 1, CancellationToken.None))));

            results.Count(ok => ok).ShouldBe(30);

            // The next UTC minute is a new window for the whole fleet.
            fleet.Time.Advance(TimeSpan.FromMinutes(1));
            (await fleet.RateLimits(1).TryAcquireAsync("groq", RateLimitKind.Requests, locals[1], 1, default)).ShouldBeTrue();
        }
        finally
        {
            foreach (var local in locals)
            {
                local.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_tpm_limit_counts_tokens_and_providers_are_separate()
    {
        _redis.SkipIfUnavailable();
        using var fleet = new Fleet(_redis, 2, new Dictionary<string, string?>());
        using var local = new LocalRateLimiter(1000, fleet.Time);

        (await fleet.RateLimits(0).TryAcquireAsync("groq", RateLimitKind.Tokens, local, 600, default)).ShouldBeTrue();
        (await fleet.RateLimits(1).TryAcquireAsync("groq", RateLimitKind.Tokens, local, 500, default)).ShouldBeFalse();
        (await fleet.RateLimits(1).TryAcquireAsync("groq", RateLimitKind.Tokens, local, 400, default)).ShouldBeTrue();
        (await fleet.RateLimits(1).TryAcquireAsync("openai", RateLimitKind.Tokens, local, 900, default)).ShouldBeTrue();
    }
}
