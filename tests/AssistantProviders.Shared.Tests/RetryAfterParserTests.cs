// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.Tests;

public sealed class RetryAfterParserTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

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
    public void Seconds() => Parse(("Retry-After", "7")).ShouldBe(TimeSpan.FromSeconds(7));

    [Fact]
    public void FractionalSeconds() => Parse(("Retry-After", "1.5")).ShouldBe(TimeSpan.FromSeconds(1.5));

    [Fact]
    public void HttpDate_IsRelativeToNow() => Parse(("Retry-After", "Sat, 01 Mar 2025 12:00:30 GMT")).ShouldBe(TimeSpan.FromSeconds(30));

    [Fact]
    public void HttpDate_InThePast_IsZero() => Parse(("Retry-After", "Sat, 01 Mar 2025 11:00:00 GMT")).ShouldBe(TimeSpan.Zero);

    [Fact]
    public void RetryAfterMs_WinsOverRetryAfter() => Parse(("Retry-After", "10"), ("retry-after-ms", "250")).ShouldBe(TimeSpan.FromMilliseconds(250));

    [Fact]
    public void FractionalRetryAfterMs() => Parse(("retry-after-ms", "12.5")).ShouldBe(TimeSpan.FromMilliseconds(12.5));

    [Theory]
    [InlineData("soon")]
    [InlineData("")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void Garbage_IsNull(string value) => Parse(("Retry-After", value)).ShouldBeNull();

    [Fact]
    public void GarbageMs_FallsBackToRetryAfter() => Parse(("retry-after-ms", "abc"), ("Retry-After", "3")).ShouldBe(TimeSpan.FromSeconds(3));

    [Fact]
    public void Huge_IsClampedToOneDay() => Parse(("Retry-After", "410000")).ShouldBe(TimeSpan.FromDays(1));

    [Fact]
    public void HugeMs_IsClampedToOneDay() => Parse(("retry-after-ms", "999999999999")).ShouldBe(TimeSpan.FromDays(1));

    [Fact]
    public void Negative_IsZero() => Parse(("Retry-After", "-5")).ShouldBe(TimeSpan.Zero);

    [Fact]
    public void Absent_IsNull() => Parse().ShouldBeNull();

    [Fact]
    public void NullHeaders_IsNull() => RetryAfterParser.Parse(null, Now).ShouldBeNull();

    [Theory]
    [InlineData("2", 2)]
    [InlineData("0.25", 0.25)]
    [InlineData("1m30s", 90)]
    public void ParseValue_Text(string raw, double seconds) => RetryAfterParser.ParseValue(raw, Now).ShouldBe(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void ParseValue_Garbage_IsNull() => RetryAfterParser.ParseValue("later please", Now).ShouldBeNull();

    [Fact]
    public void RateLimitHeaders_OpenAIShape()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("x-ratelimit-limit-requests", "60");
        response.Headers.TryAddWithoutValidation("x-ratelimit-remaining-requests", "59");
        response.Headers.TryAddWithoutValidation("x-ratelimit-limit-tokens", "150000");
        response.Headers.TryAddWithoutValidation("x-ratelimit-remaining-tokens", "149984");
        response.Headers.TryAddWithoutValidation("x-ratelimit-reset-requests", "1s");
        response.Headers.TryAddWithoutValidation("x-ratelimit-reset-tokens", "6m0.5s");
        var limits = RetryAfterParser.ParseRateLimits(response.Headers, DateTimeOffset.UnixEpoch).ShouldNotBeNull();
        limits.LimitRequests.ShouldBe(60);
        limits.RemainingRequests.ShouldBe(59);
        limits.LimitTokens.ShouldBe(150000);
        limits.RemainingTokens.ShouldBe(149984);
        limits.ResetRequests.ShouldBe(TimeSpan.FromSeconds(1));
        limits.ResetTokens.ShouldBe(TimeSpan.FromSeconds(360.5));
    }

    [Fact]
    public void RateLimitHeaders_AnthropicShape_AndNoneGivesNull()
    {
        using var response = new HttpResponseMessage();
        RetryAfterParser.ParseRateLimits(response.Headers, DateTimeOffset.UnixEpoch).ShouldBeNull();
        response.Headers.TryAddWithoutValidation("anthropic-ratelimit-requests-remaining", "4");
        response.Headers.TryAddWithoutValidation("x-ratelimit-limit-requests", "-3");
        var limits = RetryAfterParser.ParseRateLimits(response.Headers, DateTimeOffset.UnixEpoch).ShouldNotBeNull();
        limits.RemainingRequests.ShouldBe(4);
        limits.LimitRequests.ShouldBeNull();
    }
}
