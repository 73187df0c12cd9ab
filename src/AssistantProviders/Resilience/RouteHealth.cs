// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Resilience;

/// <summary>A snapshot of one route's health (provider, model and operation), as the router sees it.</summary>
public sealed record RouteHealth
{
    /// <summary>Gets the operation (<c>chat</c>, <c>embeddings</c>, <c>stt</c>, <c>tts</c>, <c>rerank</c>).</summary>
    public required string Operation { get; init; }

    /// <summary>Gets the provider id.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the model id, or <see langword="null"/> for the provider's default model.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the circuit breaker state.</summary>
    public RouteCircuitState CircuitState { get; init; }

    /// <summary>Gets the end of the current cooldown (after a 429, 5xx or timeout), or <see langword="null"/>.</summary>
    public DateTimeOffset? CooldownUntil { get; init; }

    /// <summary>Gets the moving average of the attempt latency, once measured.</summary>
    public TimeSpan? AverageLatency { get; init; }

    /// <summary>Gets the moving average of the time to first token of streams, once measured.</summary>
    public TimeSpan? AverageTimeToFirstToken { get; init; }

    /// <summary>Gets the moving average of the error rate, from 0 to 1.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Gets the number of calls in flight.</summary>
    public int InFlight { get; init; }

    /// <summary>Gets the total number of calls completed (success or failure).</summary>
    public long Calls { get; init; }

    /// <summary>Gets why the route is disabled, if it is (the provider is not configured, or its key was rejected).</summary>
    public string? DisabledReason { get; init; }
}
