// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using AssistantProviders.Budgets;
using AssistantProviders.Resilience;
using AssistantProviders.Usage;

namespace AssistantProviders.Redis.Tests;

/// <summary>Several "app instances" (service providers) sharing one Redis under a key prefix of their own.</summary>
internal sealed class Fleet : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly List<ServiceProvider> _instances = [];

    public Fleet(RedisServerFixture redis, int count, IDictionary<string, string?> settings, Action<RedisOptions>? configure = null)
    {
        Prefix = "t" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < count; i++)
        {
            var services = new ServiceCollection();
            var logs = new FakeLogCollector();
            Logs.Add(logs);
            services.AddSingleton(logs);
            services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug));
            services.AddSingleton<TimeProvider>(Time);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            services.AddAssistantProviders(configuration).UseRedis(o =>
            {
                o.ConnectionString = redis.ConnectionString;
                o.KeyPrefix = Prefix;
                // Generous timeouts: on a loaded 2-core CI machine a 1 s connect sometimes missed, the instance then failed
                // fast (fail-closed) and the fleet's totals looked wrong. Tests about outages stop the server instead.
                o.ConnectTimeout = TimeSpan.FromSeconds(10);
                o.OperationTimeout = TimeSpan.FromSeconds(10);
                configure?.Invoke(o);
            });
            _instances.Add(services.BuildServiceProvider());
        }
    }

    public string Prefix { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    public List<FakeLogCollector> Logs { get; } = [];

    public int Count => _instances.Count;

    public IServiceProvider this[int index] => _instances[index];

    public BudgetManager Budgets(int i) => _instances[i].GetRequiredService<BudgetManager>();

    public IRequestAccounting Accounting(int i) => _instances[i].GetRequiredService<IRequestAccounting>();

    public IUsageLedger Ledger(int i) => _instances[i].GetRequiredService<IUsageLedger>();

    /// <summary>The engine's admission over instance <paramref name="i"/>'s gate: the Redis gate decides, the local limiter when it answers Local.</summary>
    public RateLimitAdmission RateLimits(int i) => new(_instances[i].GetRequiredService<IRateLimitGate>());

    public ISharedRouteHealth Health(int i) => _instances[i].GetRequiredService<ISharedRouteHealth>();

    public void Dispose()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }
    }
}
