// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Usage;
using AssistantProviders.TestUtilities.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Redis.Tests;

/// <summary>The Redis IUsageStore against the store conformance suite, on a real redis-server (skipped without one).</summary>
public sealed class RedisUsageConformanceTests : UsageStoreConformanceTests, IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;

    public RedisUsageConformanceTests(RedisServerFixture redis) => _redis = redis;

    protected override IUsageStore CreateStore() => Own(RedisStoreHost.Create(_redis, Time)).GetRequiredService<IUsageStore>();
}
