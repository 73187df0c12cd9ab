// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.Tests;

/// <summary>Every vendor's rate-limit header shape read by <see cref="RetryAfterParser.ParseRateLimits"/>, including zero and the fallbacks.</summary>
public sealed class RateLimitHeaderTests
{
    private static ProviderRateLimits? Read(params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return RetryAfterParser.ParseRateLimits(response.Headers, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void NullHeaders_IsNull() => RetryAfterParser.ParseRateLimits(null, DateTimeOffset.UnixEpoch).ShouldBeNull();

    [Fact]
    public void OpenAIAndGroq_ZeroRemaining_IsZero_NotAbsent()
    {
        var limits = Read(("x-ratelimit-remaining-requests", "0"), ("x-ratelimit-remaining-tokens", "0"), ("x-ratelimit-reset-requests", "2s")).ShouldNotBeNull();
        limits.RemainingRequests.ShouldBe(0);
        limits.RemainingTokens.ShouldBe(0);
        limits.ResetRequests.ShouldBe(TimeSpan.FromSeconds(2));
        limits.LimitRequests.ShouldBeNull();
        limits.LimitTokens.ShouldBeNull();
        limits.ResetTokens.ShouldBeNull();
    }

    [Fact]
    public void ZeroLimit_IsRead() => Read(("x-ratelimit-limit-requests", "0")).ShouldNotBeNull().LimitRequests.ShouldBe(0);

    [Fact]
    public void AnthropicShape_AllFour()
    {
        var limits = Read(
            ("anthropic-ratelimit-requests-limit", "50"),
            ("anthropic-ratelimit-requests-remaining", "0"),
            ("anthropic-ratelimit-tokens-limit", "40000"),
            ("anthropic-ratelimit-tokens-remaining", "39000")).ShouldNotBeNull();
        limits.LimitRequests.ShouldBe(50);
        limits.RemainingRequests.ShouldBe(0);
        limits.LimitTokens.ShouldBe(40000);
        limits.RemainingTokens.ShouldBe(39000);
    }

    [Fact]
    public void PerMinuteShape_AllFour()
    {
        var limits = Read(
            ("x-ratelimit-limit-req-minute", "120"),
            ("x-ratelimit-remaining-req-minute", "0"),
            ("x-ratelimit-limit-tokens-minute", "500000"),
            ("x-ratelimit-remaining-tokens-minute", "12")).ShouldNotBeNull();
        limits.LimitRequests.ShouldBe(120);
        limits.RemainingRequests.ShouldBe(0);
        limits.LimitTokens.ShouldBe(500000);
        limits.RemainingTokens.ShouldBe(12);
    }

    [Fact]
    public void OpenAIShape_WinsOverTheFallbacks()
    {
        var limits = Read(
            ("x-ratelimit-limit-requests", "1"), ("anthropic-ratelimit-requests-limit", "2"), ("x-ratelimit-limit-req-minute", "3"),
            ("x-ratelimit-remaining-requests", "4"), ("anthropic-ratelimit-requests-remaining", "5"), ("x-ratelimit-remaining-req-minute", "6"),
            ("x-ratelimit-limit-tokens", "7"), ("anthropic-ratelimit-tokens-limit", "8"), ("x-ratelimit-limit-tokens-minute", "9"),
            ("x-ratelimit-remaining-tokens", "10"), ("anthropic-ratelimit-tokens-remaining", "11"), ("x-ratelimit-remaining-tokens-minute", "12")).ShouldNotBeNull();
        limits.LimitRequests.ShouldBe(1);
        limits.RemainingRequests.ShouldBe(4);
        limits.LimitTokens.ShouldBe(7);
        limits.RemainingTokens.ShouldBe(10);
    }

    [Fact]
    public void AnthropicShape_WinsOverPerMinute()
    {
        var limits = Read(
            ("anthropic-ratelimit-requests-limit", "2"), ("x-ratelimit-limit-req-minute", "3"),
            ("anthropic-ratelimit-requests-remaining", "5"), ("x-ratelimit-remaining-req-minute", "6"),
            ("anthropic-ratelimit-tokens-limit", "8"), ("x-ratelimit-limit-tokens-minute", "9"),
            ("anthropic-ratelimit-tokens-remaining", "11"), ("x-ratelimit-remaining-tokens-minute", "12")).ShouldNotBeNull();
        limits.LimitRequests.ShouldBe(2);
        limits.RemainingRequests.ShouldBe(5);
        limits.LimitTokens.ShouldBe(8);
        limits.RemainingTokens.ShouldBe(11);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("1.5")]
    [InlineData("")]
    public void UnusableCounts_FallThroughToTheNextShape(string value)
    {
        var limits = Read(("x-ratelimit-remaining-requests", value), ("anthropic-ratelimit-requests-remaining", "7")).ShouldNotBeNull();
        limits.RemainingRequests.ShouldBe(7);
    }

    [Fact]
    public void UnusableValuesOnly_IsNull() =>
        Read(("x-ratelimit-remaining-requests", "-1"), ("x-ratelimit-reset-requests", "soon")).ShouldBeNull();

    [Fact]
    public void ResetAlone_IsAReport()
    {
        var limits = Read(("x-ratelimit-reset-tokens", "1m0.5s")).ShouldNotBeNull();
        limits.ResetTokens.ShouldBe(TimeSpan.FromSeconds(60.5));
        limits.ResetRequests.ShouldBeNull();
        limits.RemainingTokens.ShouldBeNull();
    }

    [Theory]
    [InlineData("x-ratelimit-limit-requests")]
    [InlineData("x-ratelimit-remaining-requests")]
    [InlineData("x-ratelimit-limit-tokens")]
    [InlineData("x-ratelimit-remaining-tokens")]
    public void AnySingleCount_IsAReport(string header) => Read((header, "3")).ShouldNotBeNull().HasValues.ShouldBeTrue();

    [Fact]
    public void RepeatedHeader_TheFirstValueCounts()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("x-ratelimit-remaining-requests", ["3", "9"]);
        RetryAfterParser.ParseRateLimits(response.Headers, DateTimeOffset.UnixEpoch).ShouldNotBeNull().RemainingRequests.ShouldBe(3);
    }
}
