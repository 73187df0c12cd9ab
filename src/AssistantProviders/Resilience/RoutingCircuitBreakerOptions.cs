// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Resilience;

/// <summary>
/// Circuit breaker thresholds, one breaker per provider and model. The defaults are sized for LLM traffic: the breaker can
/// open after 3 calls, where Polly's default needs 100 calls in 30 seconds.
/// </summary>
public sealed class RoutingCircuitBreakerOptions
{
    /// <summary>Gets or sets the failure ratio (0 to 1) in the sampling window that opens the breaker. Default 0.5.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Gets or sets the minimum number of calls in the sampling window before the breaker may open. Default 3 (minimum 2).</summary>
    public int MinimumThroughput { get; set; } = 3;

    /// <summary>Gets or sets the sampling window. Default 60 seconds.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how long the breaker stays open before one half-open probe is let through. Default 30 seconds.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
