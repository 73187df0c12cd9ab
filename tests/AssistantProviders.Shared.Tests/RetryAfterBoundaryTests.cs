// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.Tests;

/// <summary>Boundaries of <see cref="RetryAfterParser"/> and <see cref="DurationParser"/>: the one-day ceiling, zero, non-finite values and fallbacks.</summary>
public sealed class RetryAfterBoundaryTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan OneDay = TimeSpan.FromHours(24);

    private static TimeSpan? Parse(params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return RetryAfterParser.Parse(response.Headers, Now);
    }

    [Fact]
    public void Ceiling_IsExactlyOneDay() => RetryAfterParser.Ceiling.ShouldBe(OneDay);

    [Theory]
    [InlineData("86399", 86399)]
    [InlineData("86400", 86400)]
    [InlineData("86401", 86400)]
    public void Seconds_AroundTheCeiling(string value, double expectedSeconds) =>
        Parse(("Retry-After", value)).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));

    [Theory]
    [InlineData("86399000", 86399)]
    [InlineData("86400000", 86400)]
    [InlineData("86400001", 86400)]
    public void Milliseconds_AroundTheCeiling(string value, double expectedSeconds) =>
        Parse(("retry-after-ms", value)).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));

    [Fact]
    public void Zero_IsZero() => Parse(("Retry-After", "0")).ShouldBe(TimeSpan.Zero);

    [Fact]
    public void NegativeMs_IsZero() => Parse(("retry-after-ms", "-250")).ShouldBe(TimeSpan.Zero);

    [Fact]
    public void FractionalSeconds_BelowOne_AreKept() => Parse(("Retry-After", "0.25")).ShouldBe(TimeSpan.FromMilliseconds(250));

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void NonFiniteMs_FallsBackToRetryAfter(string ms) =>
        Parse(("retry-after-ms", ms), ("Retry-After", "3")).ShouldBe(TimeSpan.FromSeconds(3));

    [Fact]
    public void NonFiniteMs_Alone_IsNull() => Parse(("retry-after-ms", "Infinity")).ShouldBeNull();

    [Fact]
    public void HttpDate_MoreThanADayAhead_IsClampedToOneDay() =>
        Parse(("Retry-After", "Tue, 04 Mar 2025 12:00:00 GMT")).ShouldBe(OneDay);

    [Fact]
    public void HttpDate_ExactlyNow_IsZero() => Parse(("Retry-After", "Sat, 01 Mar 2025 12:00:00 GMT")).ShouldBe(TimeSpan.Zero);

    [Fact]
    public void GoDuration_InRetryAfter_IsRead() => Parse(("Retry-After", "1m30s")).ShouldBe(TimeSpan.FromSeconds(90));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    [InlineData("25h")]
    public void ParseValue_NothingUsable_IsNull(string? raw) => RetryAfterParser.ParseValue(raw, Now).ShouldBeNull();

    [Fact]
    public void ParseValue_TrimsWhitespace() => RetryAfterParser.ParseValue("  4  ", Now).ShouldBe(TimeSpan.FromSeconds(4));

    [Fact]
    public void ParseValue_HttpDate_IsRelativeToNow() =>
        RetryAfterParser.ParseValue("Sat, 01 Mar 2025 12:00:45 GMT", Now).ShouldBe(TimeSpan.FromSeconds(45));

    [Fact]
    public void ParseValue_HttpDate_InThePast_IsZero() =>
        RetryAfterParser.ParseValue("Sat, 01 Mar 2025 11:59:00 GMT", Now).ShouldBe(TimeSpan.Zero);

    [Fact]
    public void ParseValue_HugeSeconds_IsClamped() => RetryAfterParser.ParseValue("1e9", Now).ShouldBe(OneDay);

    [Fact]
    public void ParseValue_Negative_IsZero() => RetryAfterParser.ParseValue("-1", Now).ShouldBe(TimeSpan.Zero);

    [Fact]
    public void ParseValue_ExactlyTwentyFourHours_IsOneDay() => RetryAfterParser.ParseValue("24h", Now).ShouldBe(OneDay);

    [Theory]
    [InlineData("24h", 86400)]
    [InlineData("86400s", 86400)]
    [InlineData("1440m", 86400)]
    [InlineData("0s", 0)]
    [InlineData(".5s", 0.5)]
    [InlineData("5ms3s", 3.005)]
    [InlineData("1m1ms", 60.001)]
    public void Duration_Valid(string text, double seconds)
    {
        DurationParser.TryParse(text, out var d).ShouldBeTrue();
        d.TotalSeconds.ShouldBe(seconds, 1e-9);
    }

    [Theory]
    [InlineData("86400.5s")]
    [InlineData("24h1ms")]
    [InlineData("1d")]
    [InlineData("1 s")]
    [InlineData("m")]
    [InlineData("5sx")]
    [InlineData("S")]
    public void Duration_Invalid(string text)
    {
        DurationParser.TryParse(text, out var d).ShouldBeFalse();
        d.ShouldBe(TimeSpan.Zero);
    }
}
