// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.Metrics;
using AssistantProviders.Accounting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using AssistantProviders.Budgets;
using AssistantProviders.Usage;

namespace AssistantProviders.Sqlite.Tests;

/// <summary>One "app process": a service provider using the SQLite file. Dispose it to simulate a stop.</summary>
internal sealed class StoreHost : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;
    private readonly MetricCollector<long> _unavailable;

    public StoreHost(string path, IDictionary<string, string?> settings, FakeTimeProvider? time = null, Action<SqliteStoreOptions>? configure = null)
    {
        Time = time ?? new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(Logs)).SetMinimumLevel(LogLevel.Debug));
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(Time);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services.AddAssistantProviders(configuration).UseSqlite(o =>
        {
            o.Path = path;
            configure?.Invoke(o);
        });
        _provider = services.BuildServiceProvider();
        _unavailable = new MetricCollector<long>(_provider.GetRequiredService<IMeterFactory>(), "AssistantProviders", "assistant_providers.sqlite.unavailable");
    }

    public FakeTimeProvider Time { get; }

    public FakeLogCollector Logs { get; } = new();

    public IServiceProvider Services => _provider;

    public BudgetManager Budgets => _provider.GetRequiredService<BudgetManager>();

    public IRequestAccounting Accounting => _provider.GetRequiredService<IRequestAccounting>();

    public IUsageLedger Ledger => _provider.GetRequiredService<IUsageLedger>();

    public IBudgetStore Store => _provider.GetRequiredService<IBudgetStore>();

    public long UnavailableCount => _unavailable.GetMeasurementSnapshot().Sum(m => m.Value);

    public IReadOnlyList<FakeLogRecord> Errors => [.. Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Error)];

    public static Dictionary<string, string?> Monthly(string limit) => new() { ["AssistantProviders:Budgets:Global:Monthly"] = limit };

    public BudgetStatus Status(string name) => Budgets.GetStatus().Single(s => s.Name == name);

    public void Dispose()
    {
        _unavailable.Dispose();
        _provider.Dispose();
    }
}
