// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.Tests;

/// <summary>
/// <c>anthropic-ratelimit-requests-reset</c> and <c>anthropic-ratelimit-tokens-reset</c> are RFC 3339 timestamps, not durations:
/// <see cref="RetryAfterParser.ParseRateLimits"/> turns them into timestamp − now, clamped to zero .. one day.
/// </summary>
public sealed class AnthropicRateLimitResetTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 17, 0, 0, TimeSpan.Zero);

    private static ProviderRateLimits? Read(params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return RetryAfterParser.ParseRateLimits(response.Headers, Now);
    }

    [Fact]
    public void RequestsReset_Timestamp_IsTheTimeUntilIt()
    {
        var limits = Read(("anthropic-ratelimit-requests-remaining", "0"), ("anthropic-ratelimit-requests-reset", "2026-12-02T17:00:30Z")).ShouldNotBeNull();
        limits.RemainingRequests.ShouldBe(0);
        limits.ResetRequests.ShouldBe(TimeSpan.FromSeconds(30));
        limits.ResetTokens.ShouldBeNull();
    }

    [Fact]
    public void TokensReset_Timestamp_IsTheTimeUntilIt()
    {
        var limits = Read(("anthropic-ratelimit-tokens-reset", "2026-12-02T17:02:00Z")).ShouldNotBeNull();
        limits.ResetTokens.ShouldBe(TimeSpan.FromMinutes(2));
        limits.ResetRequests.ShouldBeNull();
    }

    [Theory]
    [InlineData("2026-12-02T17:00:01.5Z", 1.5)]
    [InlineData("2026-12-02T18:00:10+01:00", 10)]
    [InlineData("2026-12-02T16:59:50-00:01", 50)]
    [InlineData(" 2026-12-02T17:00:07Z ", 7)]
    public void FractionsAndOffsets_AreHonoured(string value, double seconds) =>
        Read(("anthropic-ratelimit-requests-reset", value)).ShouldNotBeNull().ResetRequests.ShouldBe(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData("2026-12-02T17:00:00Z")]
    [InlineData("2026-12-02T16:59:00Z")]
    public void NowOrPast_IsZero(string value) =>
        Read(("anthropic-ratelimit-requests-reset", value)).ShouldNotBeNull().ResetRequests.ShouldBe(TimeSpan.Zero);

    [Fact]
    public void MoreThanADayAway_IsClampedToOneDay() =>
        Read(("anthropic-ratelimit-tokens-reset", "2026-12-05T17:00:00Z")).ShouldNotBeNull().ResetTokens.ShouldBe(TimeSpan.FromDays(1));

    [Theory]
    [InlineData("30s")]
    [InlineData("30")]
    [InlineData("soon")]
    [InlineData("Wed, 02 Dec 2026 17:00:30 GMT")]
    [InlineData("")]
    public void NotATimestamp_IsIgnored(string value) =>
        Read(("anthropic-ratelimit-requests-reset", value)).ShouldBeNull();

    [Fact]
    public void OpenAIStyleDuration_WinsOverTheAnthropicTimestamp()
    {
        var limits = Read(
            ("x-ratelimit-reset-requests", "2s"), ("anthropic-ratelimit-requests-reset", "2026-12-02T17:00:30Z"),
            ("x-ratelimit-reset-tokens", "3s"), ("anthropic-ratelimit-tokens-reset", "2026-12-02T17:00:40Z")).ShouldNotBeNull();
        limits.ResetRequests.ShouldBe(TimeSpan.FromSeconds(2));
        limits.ResetTokens.ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void UnusableDuration_FallsBackToTheAnthropicTimestamp()
    {
        var limits = Read(("x-ratelimit-reset-requests", "soon"), ("anthropic-ratelimit-requests-reset", "2026-12-02T17:00:30Z")).ShouldNotBeNull();
        limits.ResetRequests.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void TheResetIsRelativeToTheGivenNow()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("anthropic-ratelimit-requests-reset", "2026-12-02T17:00:30Z");
        RetryAfterParser.ParseRateLimits(response.Headers, Now.AddSeconds(20)).ShouldNotBeNull().ResetRequests.ShouldBe(TimeSpan.FromSeconds(10));
    }
}
