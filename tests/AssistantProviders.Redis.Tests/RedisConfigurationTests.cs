// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Redis.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using AssistantProviders.Budgets;
using AssistantProviders.Resilience;
using AssistantProviders.Usage;

namespace AssistantProviders.Redis.Tests;

public sealed class RedisConfigurationTests
{
    [Fact]
    public void Redis_urls_become_stackexchange_options()
    {
        var options = RedisConnectionString.Parse("rediss://app:s%40cret@cache.example:6380/2");
        options.Ssl.ShouldBeTrue();
        options.User.ShouldBe("app");
        options.Password.ShouldBe("s@cret");
        options.DefaultDatabase.ShouldBe(2);
        options.EndPoints.Single().ToString()!.ShouldContain("6380");

        var plain = RedisConnectionString.Parse("redis://:pw@localhost");
        plain.Password.ShouldBe("pw");
        plain.Ssl.ShouldBeFalse();
        plain.EndPoints.Single().ToString()!.ShouldContain("6379");

        RedisConnectionString.Parse("localhost:7000,password=x").Password.ShouldBe("x");
    }

    [Fact]
    public void A_missing_connection_names_the_config_key_and_env_var()
    {
        var services = new ServiceCollection();
        services.AddAssistantProviders(new ConfigurationBuilder().Build()).UseRedis();
        using var sp = services.BuildServiceProvider();
        if (Environment.GetEnvironmentVariable("REDIS_URL") is { Length: > 0 })
        {
            Assert.Skip("REDIS_URL is set in this environment.");
        }

        var ex = Should.Throw<OptionsValidationException>(() => sp.GetRequiredService<IOptions<RedisOptions>>().Value);
        ex.Message.ShouldContain("AssistantProviders:Redis:ConnectionString");
        ex.Message.ShouldContain("REDIS_URL");
    }

    [Fact]
    public void A_bad_url_is_reported_without_its_password()
    {
        var services = new ServiceCollection();
        services.AddAssistantProviders(new ConfigurationBuilder().Build()).UseRedis("redis://user:hunter2@");
        using var sp = services.BuildServiceProvider();
        var ex = Should.Throw<OptionsValidationException>(() => sp.GetRequiredService<IOptions<RedisOptions>>().Value);
        ex.Message.ShouldNotContain("hunter2");
    }

    [Fact]
    public void Options_bind_from_the_section_and_each_area_can_stay_in_process()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AssistantProviders:Redis:ConnectionString"] = "127.0.0.1:1",
            ["AssistantProviders:Redis:KeyPrefix"] = "shop",
            ["AssistantProviders:Redis:OnStoreUnavailable"] = "FailOpen",
            ["AssistantProviders:Redis:ShareRateLimits"] = "false",
            ["AssistantProviders:Redis:ShareRouteHealth"] = "false",
            ["AssistantProviders:Redis:ShareBudgets"] = "false",
            ["AssistantProviders:Redis:ShareLedger"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddAssistantProviders(configuration).UseRedis();
        using var sp = services.BuildServiceProvider();

        var options = sp.GetRequiredService<IOptions<RedisOptions>>().Value;
        options.KeyPrefix.ShouldBe("shop");
        options.OnStoreUnavailable.ShouldBe(RedisUnavailableBehavior.FailOpen);
        options.OnRateLimitStoreUnavailable.ShouldBe(RedisUnavailableBehavior.FailOpen);
        // Not shared: no store is registered, so the engine keeps its in-process defaults.
        sp.GetService<IRateLimitGate>().ShouldBeNull();
        new RateLimitAdmission(sp.GetService<IRateLimitGate>()).Gate.ShouldBeSameAs(InProcessRateLimitGate.Instance);
        sp.GetService<ISharedRouteHealth>().ShouldBeNull();
        sp.GetService<IBudgetStore>().ShouldBeNull();
        sp.GetService<IUsageStore>().ShouldBeNull();
        sp.GetRequiredService<IUsageLedger>().ShouldBeOfType<AssistantProviders.Usage.UsageLedger>();
    }

    [Fact]
    public void The_explicit_connection_string_wins_and_defaults_are_fail_closed_budgets_and_fail_open_rate_limits()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AssistantProviders:Redis:ConnectionString"] = "config:1",
        }).Build();
        var services = new ServiceCollection();
        services.AddAssistantProviders(configuration).UseRedis("explicit:2");
        using var sp = services.BuildServiceProvider();

        var options = sp.GetRequiredService<IOptions<RedisOptions>>().Value;
        options.ConnectionString.ShouldBe("explicit:2");
        options.OnStoreUnavailable.ShouldBe(RedisUnavailableBehavior.FailClosed);
        options.OnRateLimitStoreUnavailable.ShouldBe(RedisUnavailableBehavior.FailOpen);
        sp.GetRequiredService<IBudgetStore>().ShouldBeOfType<RedisBudgetStore>();
        sp.GetRequiredService<IBudgetStore>().FailOpen.ShouldBeFalse();
    }

    [Fact]
    public void Keys_share_one_cluster_hash_tag()
    {
        var keys = new RedisKeys("my{app}");
        keys.Root.ShouldBe("{myapp}");
        ((string)keys.Budget("global/daily", new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero))!).ShouldStartWith("{myapp}:budget:global/daily:");
        ((string)keys.RateWindow("Groq", "rpm", DateTimeOffset.UnixEpoch)!).ShouldBe("{myapp}:rl:groq:rpm:0");
    }

    [Theory]
    [InlineData(0.0000000014, 2L, 1L, 1L)]
    [InlineData(1.5, 1_500_000_000L, 1_500_000_000L, 1_500_000_000L)]
    public void Money_rounds_reservations_up_and_limits_down(double usd, long ceiling, long floor, long round)
    {
        var value = (decimal)usd;
        RedisMoney.Ceiling(value).ShouldBe(ceiling);
        RedisMoney.Floor(value).ShouldBe(floor);
        RedisMoney.Round(value).ShouldBe(round);
    }
}
