// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Data.Sqlite;
using AssistantProviders.Usage;

namespace AssistantProviders.Sqlite.Internal;

/// <summary>
/// The usage store with every record kept as a row of the SQLite file, so spend by period, reports and snapshot totals
/// survive restarts and include every process writing to the file. Buckets are summed in SQL when read. Latency percentiles
/// stay in the engine's ledger (this process, since it started). While the file is unavailable, records are dropped (with
/// one error log) and reads return <see langword="null"/>: the ledger's in-process counts answer.
/// </summary>
internal sealed class SqliteUsageStore : IUsageStore
{
    /// <summary>The most periods one read walks (a 400-day spend report).</summary>
    private const int MaxPeriodsRead = 400;

    private const string Totals = """
        SELECT provider, model, tenant,
          COUNT(*),
          SUM(cancelled),
          SUM(CASE WHEN cancelled = 0 AND error_kind IS NOT NULL THEN 1 ELSE 0 END),
          SUM(input_tokens), SUM(cached_input_tokens), SUM(output_tokens),
          COALESCE(SUM(cost), 0),
          SUM(cost IS NULL)
        FROM usage_records
        WHERE ts >= $from AND ts < $to
        GROUP BY provider, model, tenant
        ORDER BY provider, model, tenant
        """;

    private const string ErrorKinds = """
        SELECT provider, model, tenant, error_kind, COUNT(*)
        FROM usage_records
        WHERE ts >= $from AND ts < $to AND cancelled = 0 AND error_kind IS NOT NULL
        GROUP BY provider, model, tenant, error_kind
        """;

    private const string AllTimeTotals = """
        SELECT provider, model, '',
          COUNT(*),
          SUM(cancelled),
          SUM(CASE WHEN cancelled = 0 AND error_kind IS NOT NULL THEN 1 ELSE 0 END),
          SUM(input_tokens), SUM(cached_input_tokens), SUM(output_tokens),
          COALESCE(SUM(cost), 0),
          SUM(cost IS NULL)
        FROM usage_records
        WHERE ts >= $from AND ts < $to
        GROUP BY provider, model
        ORDER BY provider, model
        """;

    private const string AllTimeErrorKinds = """
        SELECT provider, model, '', error_kind, COUNT(*)
        FROM usage_records
        WHERE ts >= $from AND ts < $to AND cancelled = 0 AND error_kind IS NOT NULL
        GROUP BY provider, model, error_kind
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    public SqliteUsageStore(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <inheritdoc/>
    public void Record(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var at = record.Timestamp == default ? _time.GetUtcNow() : record.Timestamp;
        _database.TryRun(
            c => c.NonQuery(
                """
                INSERT INTO usage_records (ts, provider, model, tenant, operation, input_tokens, cached_input_tokens, output_tokens,
                  cost, cost_confidence, error_kind, cancelled, latency_ms, ttft_ms)
                VALUES ($ts, $provider, $model, $tenant, $operation, $in, $cached, $out, $cost, $confidence, $error, $cancelled, $latency, $ttft)
                """,
                null,
                ("$ts", at.ToUnixTimeMilliseconds()),
                ("$provider", record.ProviderId),
                ("$model", record.ModelId),
                ("$tenant", record.Tenant ?? string.Empty),
                ("$operation", record.Operation),
                ("$in", Math.Max(0L, record.InputTokens)),
                ("$cached", Math.Max(0L, record.CachedInputTokens)),
                ("$out", Math.Max(0L, record.OutputTokens)),
                ("$cost", record.Cost is { } cost ? SqliteMoney.Actual(cost) : null),
                ("$confidence", record.CostConfidence.ToString()),
                ("$error", record.Cancelled ? null : record.Error?.ToString()),
                ("$cancelled", record.Cancelled ? 1L : 0L),
                ("$latency", record.Latency.TotalMilliseconds),
                ("$ttft", record.TimeToFirstToken?.TotalMilliseconds)),
            out _);
    }

    /// <inheritdoc/>
    public IReadOnlyList<UsageBucket>? Read(UsagePeriod period, DateTimeOffset firstStart, DateTimeOffset lastStart) =>
        _database.TryRun(c => ReadPeriods(c, period, firstStart, lastStart), out var buckets) ? buckets : null;

    /// <inheritdoc/>
    public IReadOnlyList<UsageBucket>? ReadAllTime() =>
        _database.TryRun(c => Buckets(c, AllTimeTotals, AllTimeErrorKinds, long.MinValue, long.MaxValue, periodStart: null), out var buckets) ? buckets : null;

    private static List<UsageBucket> ReadPeriods(SqliteConnection connection, UsagePeriod period, DateTimeOffset firstStart, DateTimeOffset lastStart)
    {
        var buckets = new List<UsageBucket>();
        var start = UsagePeriods.Start(period, firstStart);
        for (var periods = 0; start <= lastStart && periods < MaxPeriodsRead; periods++)
        {
            var next = UsagePeriods.Next(period, start);
            buckets.AddRange(Buckets(connection, Totals, ErrorKinds, start.ToUnixTimeMilliseconds(), next.ToUnixTimeMilliseconds(), start));
            start = next;
        }

        return buckets;
    }

    private static List<UsageBucket> Buckets(SqliteConnection connection, string totals, string errorKinds, long from, long to, DateTimeOffset? periodStart)
    {
        var kinds = new Dictionary<(string, string, string), Dictionary<ProviderErrorKind, long>>();
        using (var command = connection.Command(errorKinds, null, ("$from", from), ("$to", to)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                if (!kinds.TryGetValue(key, out var byKind))
                {
                    byKind = [];
                    kinds[key] = byKind;
                }

                var kind = Enum.TryParse<ProviderErrorKind>(reader.GetString(3), out var parsed) ? parsed : ProviderErrorKind.Unknown;
                byKind[kind] = byKind.GetValueOrDefault(kind) + reader.GetInt64(4);
            }
        }

        var buckets = new List<UsageBucket>();
        using (var command = connection.Command(totals, null, ("$from", from), ("$to", to)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                buckets.Add(new UsageBucket
                {
                    PeriodStart = periodStart,
                    ProviderId = key.Item1,
                    ModelId = key.Item2,
                    Tenant = key.Item3,
                    Requests = reader.GetInt64(3),
                    Cancelled = reader.GetInt64(4),
                    Errors = reader.GetInt64(5),
                    ErrorsByKind = kinds.GetValueOrDefault(key) ?? [],
                    InputTokens = reader.GetInt64(6),
                    CachedInputTokens = reader.GetInt64(7),
                    OutputTokens = reader.GetInt64(8),
                    Cost = SqliteMoney.Usd(reader.GetInt64(9)),
                    UnpricedRequests = reader.GetInt64(10),
                });
            }
        }

        return buckets;
    }
}
