// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>UTC period boundaries shared by the ledger and budgets.</summary>
internal static class PeriodMath
{
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

    public static DateTimeOffset Next(UsagePeriod period, DateTimeOffset start) => period switch
    {
        UsagePeriod.Minute => start.AddMinutes(1),
        UsagePeriod.Hour => start.AddHours(1),
        UsagePeriod.Day => start.AddDays(1),
        _ => start.AddMonths(1),
    };

    public static TimeSpan Retention(UsagePeriod period) => period switch
    {
        UsagePeriod.Minute => TimeSpan.FromHours(2),
        UsagePeriod.Hour => TimeSpan.FromDays(2),
        UsagePeriod.Day => TimeSpan.FromDays(400),
        _ => TimeSpan.MaxValue,
    };
}
