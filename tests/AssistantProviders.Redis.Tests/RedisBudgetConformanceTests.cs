// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Budgets;
using AssistantProviders.TestUtilities.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Redis.Tests;

/// <summary>The Redis IBudgetStore against the store conformance suite, on a real redis-server (skipped without one).</summary>
public sealed class RedisBudgetConformanceTests : BudgetStoreConformanceTests, IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;

    public RedisBudgetConformanceTests(RedisServerFixture redis) => _redis = redis;

    protected override IBudgetStore CreateStore() => Own(RedisStoreHost.Create(_redis, Time)).GetRequiredService<IBudgetStore>();
}
