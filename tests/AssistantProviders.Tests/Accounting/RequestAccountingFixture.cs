// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.Metrics;
using AssistantProviders.Accounting;
using AssistantProviders.Budgets;
using AssistantProviders.Catalog;
using AssistantProviders.Usage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AssistantProviders.Tests.Accounting;

/// <summary>
/// A <see cref="RequestAccounting"/> over a small catalog, with a fake clock, a capturing logger, the ledger records it
/// writes and the unpriced counter's measurements.
/// </summary>
internal sealed class RequestAccountingFixture : IDisposable
{
    public const string CatalogJson = """
    {
      "pricesAsOf": "2026-11-25",
      "currency": "USD",
      "sources": { "test": "https://example.test/pricing" },
      "providers": {
        "test": {
          "models": {
            "chat-model": { "input": 2.00, "cachedInput": 0.50, "cacheWrite": 2.50, "output": 8.00, "maxOutputTokens": 1000 },
            "open-model": { "input": 1.00, "output": 2.00 },
            "think-model": { "input": 1.00, "output": 4.00, "reasoning": 6.00 },
            "stt-model": { "perAudioMinute": 0.006 },
            "image-model": { "perImage": 0.04 },
            "search-model": { "input": 1.00, "output": 1.00, "perRequest": 0.005 },
            "rerank-model": { "perRequest": 0.002 },
            "embed-model": { "input": 0.02 },
            "gpu-model": { "perSecond": 0.001 }
          }
        },
        "twins": { "models": { "alpha": { "input": 1.00, "output": 1.00 }, "beta": { "input": 1.00, "output": 1.00 } } },
        "freebies": { "models": { "gratis": { "free": true } } },
        "local": { "locality": "local", "models": { "*": { "free": true } } }
      }
    }
    """;

    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _metricsServices;
    private readonly CostMetrics _metrics;
    private readonly MetricCollector<long> _unpriced;

    public RequestAccountingFixture(CostOptions? options = null, BudgetOptions? budgets = null, IBudgetStore? store = null)
    {
        Time = new FakeTimeProvider(Now);
        Logger = new FakeLogger();
        Catalog = PriceCatalog.FromJson(CatalogJson, "test.json");
        Budgets = new BudgetManager(budgets ?? new BudgetOptions(), Time, Logger, store: store);
        Ledger = Substitute.For<IUsageLedger>();
        Ledger.When(l => l.Record(Arg.Any<UsageRecord>())).Do(call => Records.Add(call.Arg<UsageRecord>()));
        _metricsServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = _metricsServices.GetRequiredService<IMeterFactory>();
        _metrics = new CostMetrics(meterFactory);
        _unpriced = new MetricCollector<long>(meterFactory, CostMetrics.MeterName, CostMetrics.UnpricedCounterName);
        Accounting = new RequestAccounting(Catalog, Budgets, Ledger, new TokenEstimator(useTokenizer: false), options ?? new CostOptions(), _metrics, Time, Logger);
    }

    public FakeTimeProvider Time { get; }

    public FakeLogger Logger { get; }

    public PriceCatalog Catalog { get; }

    public BudgetManager Budgets { get; }

    public IUsageLedger Ledger { get; }

    public List<UsageRecord> Records { get; } = [];

    public RequestAccounting Accounting { get; }

    /// <summary>Gets the unpriced counter's measurements as (value, provider tag, model tag, tag count).</summary>
    public IReadOnlyList<(long Value, object? Provider, object? Model, int TagCount)> Unpriced =>
        [.. _unpriced.GetMeasurementSnapshot().Select(m => (
            m.Value,
            m.Tags.TryGetValue("gen_ai.provider.name", out var p) ? p : null,
            m.Tags.TryGetValue("gen_ai.request.model", out var r) ? r : null,
            m.Tags.Count))];

    /// <summary>Gets the formatted messages logged under <paramref name="eventId"/>.</summary>
    public IReadOnlyList<string> Messages(int eventId) => [.. Logger.Collector.GetSnapshot().Where(r => r.Id.Id == eventId).Select(r => r.Message)];

    public ValueTask<AccountingTicket> BeginAsync(string provider, string model, string operation = "chat", long estimatedInput = 0, long? maxOutput = null) =>
        Accounting.BeginAsync(new AccountingRequest(provider, model, operation, null, estimatedInput, maxOutput), CancellationToken.None);

    public async Task<CostDetails> SettleAsync(string provider, string model, AccountingResult result, string operation = "chat", long estimatedInput = 0, long? maxOutput = null)
    {
        var ticket = await BeginAsync(provider, model, operation, estimatedInput, maxOutput);
        return Accounting.Settle(ticket, result);
    }

    public void Dispose()
    {
        _unpriced.Dispose();
        _metrics.Dispose();
        _metricsServices.Dispose();
    }
}
