// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Redis.Tests;

public sealed class RedisRouteHealthTests : IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;

    public RedisRouteHealthTests(RedisServerFixture redis)
    {
        _redis = redis;
    }

    [Fact]
    public void A_cooldown_or_open_breaker_on_one_instance_is_seen_by_the_others_until_it_ends()
    {
        _redis.SkipIfUnavailable();
        using var fleet = new Fleet(_redis, 2, new Dictionary<string, string?>());
        const string Route = "chat:groq/llama-3.3-70b-versatile";
        fleet.Health(1).GetCooldownUntil(Route).ShouldBeNull();

        var until = fleet.Time.GetUtcNow() + TimeSpan.FromSeconds(30);
        fleet.Health(0).ReportCooldown(Route, until);
        fleet.Health(0).ReportOpen("chat:openai/gpt-4.1", until);

        fleet.Time.Advance(TimeSpan.FromSeconds(2)); // Past the 1 s cache of instance 1's earlier read.
        fleet.Health(1).GetCooldownUntil(Route).ShouldBe(until);
        fleet.Health(1).GetOpenUntil("chat:openai/gpt-4.1").ShouldBe(until);
        fleet.Health(1).GetOpenUntil(Route).ShouldBeNull();

        // A shorter cooldown never shortens a longer one.
        fleet.Health(1).ReportCooldown(Route, until - TimeSpan.FromSeconds(20));
        fleet.Time.Advance(TimeSpan.FromSeconds(2));
        fleet.Health(0).GetCooldownUntil(Route).ShouldBe(until);

        fleet.Time.Advance(TimeSpan.FromSeconds(30));
        fleet.Health(1).GetCooldownUntil(Route).ShouldBeNull();
    }
}
