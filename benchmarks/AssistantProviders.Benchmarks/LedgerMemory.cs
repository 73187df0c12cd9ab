// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;
using AssistantProviders.Usage;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// Ledger memory after 1M requests (not BenchmarkDotNet): the default in-memory usage ledger records 1,000,000 attempts over
/// 30 provider/model pairs and 5 tenants, spread over 6 simulated hours (21.6 ms apart, so minute buckets age out after their
/// 2-hour retention), and the live heap is read after each 100,000. Bounded means it stops growing once the oldest minute
/// buckets are pruned.
/// </summary>
internal static class LedgerMemory
{
    public static int Run(string? reportPath)
    {
        var start = new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);
        var time = new SteppedTime(start);
        var ledger = new UsageLedger(time);
        var step = TimeSpan.FromHours(6) / 1_000_000;
        var lines = new StringBuilder();
        var baseline = Heap();
        lines.AppendLine(CultureInfo.InvariantCulture, $"| records | simulated time | live heap over the empty ledger |");
        lines.AppendLine("|---|---|---|");
        for (var i = 1; i <= 1_000_000; i++)
        {
            time.Now = start + (step * i);
            ledger.Record(new UsageRecord
            {
                Timestamp = time.Now,
                ProviderId = "p" + (i % 10).ToString(CultureInfo.InvariantCulture),
                ModelId = "m" + (i % 3).ToString(CultureInfo.InvariantCulture),
                Tenant = "t" + (i % 5).ToString(CultureInfo.InvariantCulture),
                InputTokens = 100,
                OutputTokens = 50,
                Cost = 0.0001m,
                Latency = TimeSpan.FromMilliseconds(200 + (i % 50)),
            });
            if (i % 100_000 == 0)
            {
                lines.AppendLine(CultureInfo.InvariantCulture, $"| {i:N0} | {(time.Now - start).TotalHours:F1} h | {(Heap() - baseline) / 1024d / 1024d:F2} MiB |");
            }
        }

        var snapshot = ledger.Snapshot();
        if (snapshot.TotalRequests != 1_000_000)
        {
            throw new InvalidOperationException($"The ledger counted {snapshot.TotalRequests} requests, not 1,000,000.");
        }

        var report = lines.ToString();
        Console.Write(report);
        if (reportPath is not null)
        {
            File.WriteAllText(reportPath, report);
        }

        GC.KeepAlive(ledger);
        return 0;
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed class SteppedTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
