// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.Redis.Tests;

/// <summary>One app instance on the real redis-server under a key prefix of its own, resolving the store contracts from DI as the engine does.</summary>
internal static class RedisStoreHost
{
    public static ServiceProvider Create(RedisServerFixture redis, FakeTimeProvider time)
    {
        redis.SkipIfUnavailable();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddAssistantProviders(new ConfigurationBuilder().Build()).UseRedis(o =>
        {
            o.ConnectionString = redis.ConnectionString;
            o.KeyPrefix = "c" + Guid.NewGuid().ToString("N");
            o.ConnectTimeout = TimeSpan.FromSeconds(10); // generous: a loaded CI machine may miss a 1 s connect
            o.OperationTimeout = TimeSpan.FromSeconds(10);
        });
        return services.BuildServiceProvider();
    }
}
