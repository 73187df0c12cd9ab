// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Sqlite.Internal;

/// <summary>
/// USD kept as whole nano-dollars (SQLite INTEGER): sums are exact, with no floating-point drift between processes.
/// Reservations round up and limits round down, so admitted worst cases never add up to more than a limit.
/// </summary>
internal static class SqliteMoney
{
    private const decimal NanosPerUsd = 1_000_000_000m;
    private const decimal MaxNanos = long.MaxValue / 4;

    public static long Reserve(decimal usd) => ToNanos(Math.Ceiling(usd * NanosPerUsd));

    public static long Limit(decimal usd) => ToNanos(Math.Floor(usd * NanosPerUsd));

    public static long Actual(decimal usd) => ToNanos(Math.Round(usd * NanosPerUsd, MidpointRounding.AwayFromZero));

    public static decimal Usd(long nanos) => nanos / NanosPerUsd;

    private static long ToNanos(decimal nanos) => (long)Math.Clamp(nanos, 0m, MaxNanos);
}
