// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using AssistantProviders.Redis.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using AssistantProviders.Budgets;
using AssistantProviders.Resilience;
using AssistantProviders.Usage;

namespace AssistantProviders.Redis.Tests;

/// <summary>Kills the Redis server mid-run (its own server: other classes keep theirs), then restarts it.</summary>
public sealed class RedisOutageTests : IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;

    public RedisOutageTests(RedisServerFixture redis)
    {
        _redis = redis;
    }

    [Fact]
    public async Task Fail_closed_budgets_refuse_paid_calls_while_local_ones_work_then_recover_without_double_counting()
    {
        _redis.SkipIfUnavailable();
        await EnsureRunningAsync();
        using var fleet = new Fleet(_redis, 2, new Dictionary<string, string?> { ["AssistantProviders:Budgets:Global:Daily"] = "10" });
        var budgets = fleet.Budgets(0);
        var (_, held) = await budgets.TryReserveAsync("openai", "gpt-4.1", null, 2m, default);
        held.InStore.ShouldBeTrue();

        _redis.Kill();

        var (refusal, _) = await budgets.TryReserveAsync("openai", "gpt-4.1", null, 1m, default);
        refusal.ShouldNotBeNull().Message.ShouldContain("FailClosed");
        await Should.ThrowAsync<BudgetExceededException>(async () =>
            await fleet.Accounting(1).BeginAsync(new AccountingRequest("openai", "gpt-4.1", "chat", null, 1000, 1000), default));
        var local = await fleet.Accounting(1).BeginAsync(new AccountingRequest("ollama", "llama3.2", "chat", null, 1000, 1000), default);
        local.ReservedUsd.ShouldBe(0m);
        budgets.CanAfford("openai", "gpt-4.1", 0.5m).ShouldBeFalse();

        // The settle of a call that finished during the outage is kept, not lost.
        budgets.Settle(held, 1.5m);
        var store = (RedisBudgetStore)fleet[0].GetRequiredService<IBudgetStore>();
        store.PendingCount.ShouldBe(1);

        var logs = fleet.Logs[0].GetSnapshot();
        logs.ShouldContain(r => r.Id.Id == 9100 && r.Level == LogLevel.Error);
        logs.ShouldContain(r => r.Id.Id == 2017);

        await _redis.RestartAsync();
        await WaitForRedisAsync(fleet);

        // The server restarted empty (no persistence): the deferred settle is applied once, on the next operation.
        (await budgets.TryReserveAsync("openai", "gpt-4.1", null, 1m, default)).Refusal.ShouldBeNull();
        store.PendingCount.ShouldBe(0);
        store.Settle(held.Id!, held.Levels, 1.5m).ShouldBeNull(); // A replay is a no-op.
        store.FlushPending();
        var status = fleet.Budgets(1).GetStatus().Single(s => s.Name == "global/daily");
        status.Spent.ShouldBe(1.5m);
        status.Reserved.ShouldBe(1m);
        fleet.Logs[0].GetSnapshot().ShouldContain(r => r.Id.Id == 9102);
    }

    [Fact]
    public async Task Fail_open_budgets_and_rate_limits_fall_back_to_in_process_limits_then_recover()
    {
        _redis.SkipIfUnavailable();
        await EnsureRunningAsync();
        using var fleet = new Fleet(
            _redis,
            2,
            new Dictionary<string, string?> { ["AssistantProviders:Budgets:Global:Daily"] = "10" },
            o => o.OnStoreUnavailable = RedisUnavailableBehavior.FailOpen);
        using var limiter = new LocalRateLimiter(2, fleet.Time);
        (await fleet.Budgets(1).TryReserveAsync("openai", "gpt-4.1", null, 6m, default)).Refusal.ShouldBeNull(); // Fleet: 6 of 10.

        _redis.Kill();

        // This instance alone: its in-process counters know nothing of instance 1's 6 USD (the documented cost of fail open).
        (await fleet.Budgets(0).TryReserveAsync("openai", "gpt-4.1", null, 8m, default)).Refusal.ShouldBeNull();
        (await fleet.Budgets(0).TryReserveAsync("openai", "gpt-4.1", null, 3m, default)).Refusal.ShouldNotBeNull().BudgetName.ShouldBe("global/daily");

        // Rate limits fail open by default: the instance's own limiter applies.
        (await fleet.RateLimits(0).TryAcquireAsync("groq", RateLimitKind.Requests, limiter, 1, default)).ShouldBeTrue();
        (await fleet.RateLimits(0).TryAcquireAsync("groq", RateLimitKind.Requests, limiter, 1, default)).ShouldBeTrue();
        (await fleet.RateLimits(0).TryAcquireAsync("groq", RateLimitKind.Requests, limiter, 1, default)).ShouldBeFalse();
        fleet.Logs[0].GetSnapshot().ShouldContain(r => r.Id.Id == 2016);

        // Route health: nothing shared, never an error.
        fleet.Health(0).ReportCooldown("chat:groq/x", fleet.Time.GetUtcNow().AddMinutes(1));
        fleet.Health(1).GetCooldownUntil("chat:groq/x").ShouldBeNull();

        await _redis.RestartAsync();
        await WaitForRedisAsync(fleet);

        // Back on the shared (now empty) store.
        (await fleet.Budgets(0).TryReserveAsync("openai", "gpt-4.1", null, 9m, default)).Refusal.ShouldBeNull();
        (await fleet.Budgets(1).TryReserveAsync("openai", "gpt-4.1", null, 2m, default)).Refusal.ShouldNotBeNull();
        using var fresh = new LocalRateLimiter(2, fleet.Time);
        (await fleet.RateLimits(1).TryAcquireAsync("groq", RateLimitKind.Requests, fresh, 2, default)).ShouldBeTrue();
        (await fleet.RateLimits(0).TryAcquireAsync("groq", RateLimitKind.Requests, fresh, 1, default)).ShouldBeFalse();
    }

    [Fact]
    public async Task Ledger_shows_this_instance_while_redis_is_down_and_replays_records_once_when_it_is_back()
    {
        _redis.SkipIfUnavailable();
        await EnsureRunningAsync();
        using var fleet = new Fleet(_redis, 2, new Dictionary<string, string?>());
        _redis.Kill();

        fleet.Ledger(0).Record(new UsageRecord { ProviderId = "openai", ModelId = "gpt-4.1", Cost = 0.25m, InputTokens = 10 });
        fleet.Ledger(0).Snapshot().TotalCost.ShouldBe(0.25m);

        await _redis.RestartAsync();
        await WaitForRedisAsync(fleet);
        fleet.Ledger(1).Record(new UsageRecord { ProviderId = "openai", ModelId = "gpt-4.1", Cost = 0.5m, InputTokens = 10 });
        fleet.Ledger(0).Record(new UsageRecord { ProviderId = "openai", ModelId = "gpt-4.1", Cost = 1m, InputTokens = 10 }); // Flushes the pending one first.
        ((RedisUsageStore)fleet[0].GetRequiredService<IUsageStore>()).FlushPending();

        var snapshot = fleet.Ledger(1).Snapshot();
        snapshot.TotalRequests.ShouldBe(3);
        snapshot.TotalCost.ShouldBe(1.75m);
    }

    private async Task EnsureRunningAsync()
    {
        if (!await TryPingAsync())
        {
            await _redis.RestartAsync();
        }
    }

    private async Task<bool> TryPingAsync()
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync(System.Net.IPAddress.Loopback, _redis.Port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>Waits (bounded) until each instance's multiplexer has reconnected by itself.</summary>
    private static async Task WaitForRedisAsync(Fleet fleet)
    {
        for (var i = 0; i < fleet.Count; i++)
        {
            var connection = fleet[i].GetRequiredService<RedisConnection>();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                try
                {
                    await connection.Database.PingAsync();
                    break;
                }
                catch (StackExchange.Redis.RedisException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }
        }
    }
}
