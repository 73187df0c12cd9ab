// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Resilience;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AssistantProviders.Tests.Resilience;

/// <summary>How the engine combines a gate's decision with the provider's own limiter.</summary>
public sealed class RateLimitAdmissionTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Without_a_gate_the_local_limiter_decides()
    {
        using var local = new LocalRateLimiter(1, _time);
        var admission = new RateLimitAdmission(gate: null);

        (await admission.TryAcquireAsync("groq", RateLimitKind.Requests, local, 1, CancellationToken.None)).ShouldBeTrue();
        (await admission.TryAcquireAsync("groq", RateLimitKind.Requests, local, 1, CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_gate_gets_the_limit_in_force_as_a_plain_value_and_its_decision_stands()
    {
        using var local = new LocalRateLimiter(100, _time);
        local.Adopt(40).ShouldBeTrue();
        var gate = Substitute.For<IRateLimitGate>();
        gate.TryAcquireAsync(Arg.Any<RateLimitRequest>(), Arg.Any<CancellationToken>()).Returns(RateLimitDecision.Rejected, RateLimitDecision.Admitted);
        var admission = new RateLimitAdmission(gate);

        (await admission.TryAcquireAsync("groq", RateLimitKind.Tokens, local, 25, CancellationToken.None)).ShouldBeFalse();
        (await admission.TryAcquireAsync("groq", RateLimitKind.Tokens, local, 25, CancellationToken.None)).ShouldBeTrue();

        await gate.Received(2).TryAcquireAsync(Arg.Is(new RateLimitRequest("groq", RateLimitKind.Tokens, 40, 25)), Arg.Any<CancellationToken>());
        local.TryAcquire(40).ShouldBeTrue(); // The gate decided: the local limiter was not charged.
    }

    [Fact]
    public async Task A_gate_that_answers_local_falls_back_to_the_local_limiter()
    {
        using var local = new LocalRateLimiter(1, _time);
        var gate = Substitute.For<IRateLimitGate>();
        gate.TryAcquireAsync(Arg.Any<RateLimitRequest>(), Arg.Any<CancellationToken>()).Returns(RateLimitDecision.Local);
        var admission = new RateLimitAdmission(gate);

        (await admission.TryAcquireAsync("groq", RateLimitKind.Requests, local, 1, CancellationToken.None)).ShouldBeTrue();
        (await admission.TryAcquireAsync("groq", RateLimitKind.Requests, local, 1, CancellationToken.None)).ShouldBeFalse();
    }
}
