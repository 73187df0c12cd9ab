// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Data.Sqlite;
using AssistantProviders.Usage;

namespace AssistantProviders.Sqlite.Internal;

/// <summary>
/// The usage ledger with every record kept as a row of the SQLite file, so spend by period, reports and <see cref="Snapshot()"/>
/// totals survive restarts and include every process writing to the file. Latency and time-to-first-token percentiles come
/// from the in-memory ledger it wraps (this process, since it started). While the file is unavailable, that in-memory
/// ledger answers everything.
/// </summary>
internal sealed class SqliteUsageLedger : IUsageLedger
{
    private const long MillisecondsPerDay = 86_400_000L;

    private const string Totals = """
        SELECT provider, model,
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

    private const string ErrorKinds = """
        SELECT provider, model, error_kind, COUNT(*)
        FROM usage_records
        WHERE ts >= $from AND ts < $to AND cancelled = 0 AND error_kind IS NOT NULL
        GROUP BY provider, model, error_kind
        """;

    private readonly SqliteDatabase _database;
    private readonly UsageLedger _memory;
    private readonly TimeProvider _time;

    public SqliteUsageLedger(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        _memory = new UsageLedger(time);
    }

    /// <inheritdoc/>
    public void Record(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _memory.Record(record);
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
    public UsageSnapshot Snapshot() =>
        _database.TryRun(c => Rows(c, long.MinValue, long.MaxValue, _memory.Snapshot()), out var rows)
            ? new UsageSnapshot { TakenAt = _time.GetUtcNow(), Since = null, Rows = rows }
            : _memory.Snapshot();

    /// <inheritdoc/>
    public UsageSnapshot Snapshot(UsagePeriod period)
    {
        var (from, to) = Current(period);
        return _database.TryRun(c => Rows(c, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), _memory.Snapshot(period)), out var rows)
            ? new UsageSnapshot { TakenAt = _time.GetUtcNow(), Since = from, Rows = rows }
            : _memory.Snapshot(period);
    }

    /// <inheritdoc/>
    public decimal GetSpend(UsagePeriod period, string? providerId = null, string? modelId = null, string? tenant = null)
    {
        var (from, to) = Current(period);
        return _database.TryRun(
            c => c.Int64(
                """
                SELECT COALESCE(SUM(cost), 0) FROM usage_records
                WHERE ts >= $from AND ts < $to
                  AND ($provider IS NULL OR provider = $provider COLLATE NOCASE)
                  AND ($model IS NULL OR model = $model COLLATE NOCASE)
                  AND ($tenant IS NULL OR tenant = $tenant)
                """,
                null,
                ("$from", from.ToUnixTimeMilliseconds()),
                ("$to", to.ToUnixTimeMilliseconds()),
                ("$provider", providerId),
                ("$model", modelId),
                ("$tenant", tenant)),
            out var nanos)
            ? SqliteMoney.Usd(nanos)
            : _memory.GetSpend(period, providerId, modelId, tenant);
    }

    /// <inheritdoc/>
    public SpendReport GetSpendReport(DateOnly firstDay, DateOnly lastDay, SpendGrouping groupBy)
    {
        if (!_database.TryRun(c => Report(c, firstDay, lastDay, groupBy), out var rows))
        {
            return _memory.GetSpendReport(firstDay, lastDay, groupBy);
        }

        return new SpendReport { From = firstDay, To = lastDay, GroupBy = groupBy, Rows = rows, TotalCost = rows.Sum(r => r.Cost) };
    }

    private (DateTimeOffset From, DateTimeOffset To) Current(UsagePeriod period)
    {
        var start = PeriodMath.Start(period, _time.GetUtcNow());
        return (start, PeriodMath.Next(period, start));
    }

    private static List<UsageSnapshotRow> Rows(SqliteConnection connection, long from, long to, UsageSnapshot latencies)
    {
        var kinds = new Dictionary<(string, string), Dictionary<ProviderErrorKind, long>>();
        using (var command = connection.Command(ErrorKinds, null, ("$from", from), ("$to", to)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!kinds.TryGetValue(key, out var byKind))
                {
                    byKind = [];
                    kinds[key] = byKind;
                }

                var kind = Enum.TryParse<ProviderErrorKind>(reader.GetString(2), out var parsed) ? parsed : ProviderErrorKind.Unknown;
                byKind[kind] = byKind.GetValueOrDefault(kind) + reader.GetInt64(3);
            }
        }

        var mine = latencies.Rows.ToDictionary(r => (r.ProviderId, r.ModelId));
        var rows = new List<UsageSnapshotRow>();
        using (var command = connection.Command(Totals, null, ("$from", from), ("$to", to)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetString(1));
                mine.TryGetValue(key, out var local);
                rows.Add(new UsageSnapshotRow
                {
                    ProviderId = key.Item1,
                    ModelId = key.Item2,
                    Requests = reader.GetInt64(2),
                    Cancelled = reader.GetInt64(3),
                    Errors = reader.GetInt64(4),
                    ErrorsByKind = kinds.GetValueOrDefault(key) ?? [],
                    InputTokens = reader.GetInt64(5),
                    CachedInputTokens = reader.GetInt64(6),
                    OutputTokens = reader.GetInt64(7),
                    Cost = SqliteMoney.Usd(reader.GetInt64(8)),
                    UnpricedRequests = reader.GetInt64(9),
                    P50Latency = local?.P50Latency,
                    P95Latency = local?.P95Latency,
                    P50TimeToFirstToken = local?.P50TimeToFirstToken,
                });
            }
        }

        return rows;
    }

    /// <summary>Groups in SQL: a column not grouped on is NULL for every row, so GROUP BY over all four gives the asked grouping.</summary>
    private static List<SpendReportRow> Report(SqliteConnection connection, DateOnly firstDay, DateOnly lastDay, SpendGrouping groupBy)
    {
        var from = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        var to = new DateTimeOffset(lastDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds() + MillisecondsPerDay;
        using var command = connection.Command(
            """
            SELECT
              CASE WHEN $byDay THEN ts / 86400000 END AS day,
              CASE WHEN $byTenant THEN tenant END AS tenant_key,
              CASE WHEN $byProvider THEN provider END AS provider_key,
              CASE WHEN $byModel THEN model END AS model_key,
              COUNT(*),
              SUM(CASE WHEN cancelled = 0 AND error_kind IS NOT NULL THEN 1 ELSE 0 END),
              SUM(input_tokens), SUM(output_tokens),
              COALESCE(SUM(cost), 0),
              SUM(cost IS NULL)
            FROM usage_records
            WHERE ts >= $from AND ts < $to
            GROUP BY 1, 2, 3, 4
            ORDER BY 1, 2, 3, 4
            """,
            null,
            ("$byDay", groupBy.HasFlag(SpendGrouping.Day)),
            ("$byTenant", groupBy.HasFlag(SpendGrouping.Tenant)),
            ("$byProvider", groupBy.HasFlag(SpendGrouping.Provider) || groupBy.HasFlag(SpendGrouping.Model)),
            ("$byModel", groupBy.HasFlag(SpendGrouping.Model)),
            ("$from", from),
            ("$to", to));
        using var reader = command.ExecuteReader();
        var rows = new List<SpendReportRow>();
        while (reader.Read())
        {
            rows.Add(new SpendReportRow
            {
                Day = reader.IsDBNull(0) ? null : DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(reader.GetInt64(0))),
                Tenant = reader.IsDBNull(1) ? null : reader.GetString(1),
                ProviderId = reader.IsDBNull(2) ? null : reader.GetString(2),
                ModelId = reader.IsDBNull(3) ? null : reader.GetString(3),
                Requests = reader.GetInt64(4),
                Errors = reader.GetInt64(5),
                InputTokens = reader.GetInt64(6),
                OutputTokens = reader.GetInt64(7),
                Cost = SqliteMoney.Usd(reader.GetInt64(8)),
                UnpricedRequests = reader.GetInt64(9),
            });
        }

        return rows;
    }
}
