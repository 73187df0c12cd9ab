// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Resilience;
using AssistantProviders.TestUtilities.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Redis.Tests;

/// <summary>The Redis IRateLimitGate against the store conformance suite, on a real redis-server (skipped without one).</summary>
public sealed class RedisRateLimitConformanceTests : RateLimitGateConformanceTests, IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;

    public RedisRateLimitConformanceTests(RedisServerFixture redis) => _redis = redis;

    protected override IRateLimitGate CreateGate() => Own(RedisStoreHost.Create(_redis, Time)).GetRequiredService<IRateLimitGate>();
}
