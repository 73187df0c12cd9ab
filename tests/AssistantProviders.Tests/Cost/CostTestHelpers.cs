// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.Metrics;
using AssistantProviders.Accounting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using AssistantProviders.Budgets;
using AssistantProviders.Catalog;
using AssistantProviders.Usage;

namespace AssistantProviders.Tests.Cost;

internal sealed class AccountingHarness : IDisposable
{
    private readonly ServiceProvider _metricsServices;

    public AccountingHarness(BudgetOptions? budgets = null, CostOptions? options = null, PriceCatalog? catalog = null, IReadOnlyDictionary<string, decimal>? providerMonthly = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        Logger = new FakeLogger();
        Catalog = catalog ?? PriceCatalog.FromJson(CostTestData.CatalogJson, "test.json");
        Budgets = new BudgetManager(budgets ?? new BudgetOptions(), Time, Logger, providerMonthly);
        Ledger = new UsageLedger(Time);
        _metricsServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
        MeterFactory = _metricsServices.GetRequiredService<IMeterFactory>();
        Metrics = new CostMetrics(MeterFactory);
        Accounting = new RequestAccounting(Catalog, Budgets, Ledger, new TokenEstimator(useTokenizer: false), options ?? new CostOptions(), Metrics, Time, Logger);
    }

    public FakeTimeProvider Time { get; }

    public FakeLogger Logger { get; }

    public PriceCatalog Catalog { get; }

    public BudgetManager Budgets { get; }

    public UsageLedger Ledger { get; }

    public IMeterFactory MeterFactory { get; }

    public CostMetrics Metrics { get; }

    public RequestAccounting Accounting { get; }

    public async Task<CostDetails> RunAsync(string provider, string model, AccountingResult result, string operation = "chat", long estimatedInput = 0, long? maxOutput = null, string? tenant = null)
    {
        var ticket = await Accounting.BeginAsync(new AccountingRequest(provider, model, operation, tenant, estimatedInput, maxOutput), CancellationToken.None);
        return Accounting.Settle(ticket, result);
    }

    public void Dispose()
    {
        Metrics.Dispose();
        _metricsServices.Dispose();
    }
}

internal static class CostTestData
{
    public const string CatalogJson = """
    {
      "pricesAsOf": "2026-11-25",
      "currency": "USD",
      "sources": { "test": "https://example.test/pricing" },
      "providers": {
        "test": {
          "compliance": [ "soc2" ],
          "models": {
            "chat-model": { "input": 2.00, "cachedInput": 0.50, "cacheWrite": 2.50, "output": 8.00, "maxOutputTokens": 1000, "contextWindow": 100000, "capabilities": [ "chat", "tools" ] },
            "think-model": { "input": 1.00, "output": 4.00, "reasoning": 6.00 },
            "audio-model": { "input": 1.00, "audioInput": 10.00, "output": 2.00, "audioOutput": 20.00 },
            "stt-model": { "perAudioMinute": 0.006, "capabilities": [ "speechtotext" ] },
            "tts-model": { "perThousandCharacters": 0.015, "capabilities": [ "texttospeech" ] },
            "image-model": { "perImage": 0.04, "capabilities": [ "image" ] },
            "search-model": { "input": 1.00, "output": 1.00, "perRequest": 0.005 },
            "rerank-model": { "perRequest": 0.002, "capabilities": [ "rerank" ] },
            "embed-model": { "input": 0.02, "capabilities": [ "embeddings" ] }
          }
        },
        "gemini": { "models": { "gemini-2.5-flash": { "input": 0.30, "output": 2.50 } } },
        "fireworks": { "models": { "llama-v3p1-8b-instruct": { "input": 0.20, "output": 0.20 } } },
        "local": { "locality": "local", "compliance": [ "local" ], "models": { "*": { "free": true } } }
      }
    }
    """;
}
