// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Redis.Internal;

/// <summary>
/// USD as whole nano-dollars in Redis (integer HINCRBY: no float drift across instances). Lua compares doubles, exact up to
/// 2^53 nano-dollars (about 9 million USD), so limits are capped there.
/// </summary>
internal static class RedisMoney
{
    /// <summary>The largest amount Lua compares exactly, in nano-dollars.</summary>
    public const long MaxUnits = 9_007_199_254_740_992L;

    private const decimal UnitsPerUsd = 1_000_000_000m;

    /// <summary>An amount to reserve: rounded up, so the sum of reservations never exceeds what was asked.</summary>
    public static long Ceiling(decimal usd) => Clamp(Math.Ceiling(usd * UnitsPerUsd));

    /// <summary>A limit: rounded down.</summary>
    public static long Floor(decimal usd) => Clamp(Math.Floor(usd * UnitsPerUsd));

    /// <summary>An actual cost: rounded to the nearest nano-dollar.</summary>
    public static long Round(decimal usd) => Clamp(Math.Round(usd * UnitsPerUsd, MidpointRounding.AwayFromZero));

    public static decimal ToUsd(long units) => units / UnitsPerUsd;

    private static long Clamp(decimal units) => units <= 0m ? 0L : units >= MaxUnits ? MaxUnits : (long)units;
}
