// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Routing;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Routing;

/// <summary>The tokens that correct the tokens-per-minute admission after a call (<c>RateLimitAdaptation.ActualTokens</c>).</summary>
public sealed class ActualTokensTests
{
    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData(7L, 100L, 50L, 7L)] // the vendor's total wins, even when it disagrees with the parts
    [InlineData(null, 100L, 50L, 150L)]
    [InlineData(null, 100L, null, 100L)]
    [InlineData(null, null, 50L, 50L)]
    [InlineData(null, 0L, null, 0L)]
    public void The_total_else_input_plus_output_else_nothing(long? total, long? input, long? output, long? expected) =>
        RateLimitAdaptation.ActualTokens(new UsageDetails { TotalTokenCount = total, InputTokenCount = input, OutputTokenCount = output }).ShouldBe(expected);

    [Fact]
    public void No_usage_is_nothing() => RateLimitAdaptation.ActualTokens(null).ShouldBeNull();
}
