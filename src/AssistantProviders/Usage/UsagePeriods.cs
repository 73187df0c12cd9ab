// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>
/// The UTC period boundaries shared by the usage ledger, budgets and every store (in-memory, Redis, SQLite), so a period
/// starts at the same instant everywhere.
/// </summary>
public static class UsagePeriods
{
    /// <summary>Gets the start (UTC) of the period that contains <paramref name="time"/>.</summary>
    /// <param name="period">The period.</param>
    /// <param name="time">Any instant.</param>
    /// <returns>The start of its minute, hour, day or calendar month, in UTC.</returns>
    public static DateTimeOffset Start(UsagePeriod period, DateTimeOffset time)
    {
        var t = time.ToUniversalTime();
        return period switch
        {
            UsagePeriod.Minute => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero),
            UsagePeriod.Hour => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero),
            UsagePeriod.Day => new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero),
            _ => new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero),
        };
    }

    /// <summary>Gets the start of the period after the one that starts at <paramref name="start"/>.</summary>
    /// <param name="period">The period.</param>
    /// <param name="start">A period start (from <see cref="Start"/>).</param>
    /// <returns>The next period start.</returns>
    public static DateTimeOffset Next(UsagePeriod period, DateTimeOffset start) => period switch
    {
        UsagePeriod.Minute => start.AddMinutes(1),
        UsagePeriod.Hour => start.AddHours(1),
        UsagePeriod.Day => start.AddDays(1),
        _ => start.AddMonths(1),
    };

    /// <summary>
    /// Gets how long the ledger keeps the buckets of a period after it starts: minutes 2 hours, hours 2 days, days 400 days,
    /// months for ever (<see cref="TimeSpan.MaxValue"/>). A store may drop older buckets.
    /// </summary>
    /// <param name="period">The period.</param>
    /// <returns>The retention.</returns>
    public static TimeSpan Retention(UsagePeriod period) => period switch
    {
        UsagePeriod.Minute => TimeSpan.FromHours(2),
        UsagePeriod.Hour => TimeSpan.FromDays(2),
        UsagePeriod.Day => TimeSpan.FromDays(400),
        _ => TimeSpan.MaxValue,
    };
}
