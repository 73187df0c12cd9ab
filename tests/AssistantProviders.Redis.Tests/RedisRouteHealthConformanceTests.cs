// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Resilience;
using AssistantProviders.TestUtilities.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Redis.Tests;

/// <summary>The Redis ISharedRouteHealth against the store conformance suite, on a real redis-server (skipped without one).</summary>
public sealed class RedisRouteHealthConformanceTests : SharedRouteHealthConformanceTests, IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;

    public RedisRouteHealthConformanceTests(RedisServerFixture redis) => _redis = redis;

    protected override ISharedRouteHealth CreateHealth() => Own(RedisStoreHost.Create(_redis, Time)).GetRequiredService<ISharedRouteHealth>();
}
