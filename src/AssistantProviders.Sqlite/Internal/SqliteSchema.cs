// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Sqlite.Internal;

/// <summary>The tables. Money is whole nano-dollars; times are Unix milliseconds (UTC).</summary>
internal static class SqliteSchema
{
    /// <summary>The schema version kept in <c>PRAGMA user_version</c>; a file with a newer version is left alone (unavailable).</summary>
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS budget_spend (
          name TEXT NOT NULL,
          period_start INTEGER NOT NULL,
          spent INTEGER NOT NULL,
          PRIMARY KEY (name, period_start)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS budget_reservations (
          id TEXT NOT NULL,
          name TEXT NOT NULL,
          period_start INTEGER NOT NULL,
          amount INTEGER NOT NULL,
          expires_at INTEGER NOT NULL,
          PRIMARY KEY (id, name, period_start)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_budget_reservations_level ON budget_reservations (name, period_start);
        CREATE INDEX IF NOT EXISTS ix_budget_reservations_expiry ON budget_reservations (expires_at);
        CREATE TABLE IF NOT EXISTS budget_settled (
          id TEXT NOT NULL PRIMARY KEY,
          settled_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_budget_settled_at ON budget_settled (settled_at);
        CREATE TABLE IF NOT EXISTS usage_records (
          id INTEGER PRIMARY KEY,
          ts INTEGER NOT NULL,
          provider TEXT NOT NULL,
          model TEXT NOT NULL,
          tenant TEXT NOT NULL,
          operation TEXT NOT NULL,
          input_tokens INTEGER NOT NULL,
          cached_input_tokens INTEGER NOT NULL,
          output_tokens INTEGER NOT NULL,
          cost INTEGER NULL,
          cost_confidence TEXT NOT NULL,
          error_kind TEXT NULL,
          cancelled INTEGER NOT NULL,
          latency_ms REAL NOT NULL,
          ttft_ms REAL NULL
        );
        CREATE INDEX IF NOT EXISTS ix_usage_records_ts ON usage_records (ts);
        """;
}
