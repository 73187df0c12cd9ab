// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Resilience;
using AssistantProviders.Security;

namespace AssistantProviders.Routing;

/// <summary>
/// Settings of the routers, bound from <c>AssistantProviders:Routing</c> and from <c>AddRouting(r =&gt; ...)</c>.
/// The routers work with the defaults when neither is used.
/// </summary>
#pragma warning disable CA1002, CA2227 // Bindable configuration shape: concrete, settable collections.
public sealed class RoutingOptions
{
    /// <summary>Gets or sets the default strategy. A request may override it with <see cref="AssistantProviderProperties.Strategy"/>. Default <see cref="RoutingStrategy.Priority"/>.</summary>
    public RoutingStrategy Strategy { get; set; } = RoutingStrategy.Priority;

    /// <summary>Gets or sets the most calls sent for one request, across every route and retry. Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Gets or sets how many times a route is retried (with jittered backoff) after a transient error without Retry-After. Default 1.</summary>
    public int MaxRetriesPerRoute { get; set; } = 1;

    /// <summary>Gets or sets the base delay of the jittered exponential backoff between retries of the same route. Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets the cap on a vendor's Retry-After: longer values are clamped, never slept. Default 60 seconds.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the cooldown after a 429, 5xx or timeout that carried no Retry-After. Default 5 seconds.</summary>
    public TimeSpan DefaultCooldown { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the model aliases: alias (<c>fast</c>, <c>smart</c>, <c>cheap</c> or your own) to an ordered list of <c>provider/model</c>.</summary>
    public Dictionary<string, List<string>> Aliases { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fast"] = [],
        ["smart"] = [],
        ["cheap"] = [],
    };

    /// <summary>Gets or sets the task routes for <see cref="RoutingStrategy.BestForTask"/>: task tag to an ordered list of <c>provider</c> or <c>provider/model</c>. Replaces the built-in list of that tag.</summary>
    public Dictionary<string, List<string>> Tasks { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the weights for <see cref="RoutingStrategy.Weighted"/>, keyed by <c>provider</c> or <c>provider/model</c>. Missing routes weigh 1.</summary>
    public Dictionary<string, double> Weights { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the compliance policy: data class (<c>Pii</c>, <c>Phi</c>, <c>Secret</c>…) to the tags or regions allowed. Replaces the built-in rule of that class.</summary>
    public Dictionary<string, ComplianceRule> Compliance { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the circuit breaker thresholds.</summary>
    public RoutingCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>Gets or sets the per-attempt timeouts.</summary>
    public RoutingTimeoutOptions Timeouts { get; set; } = new();

    /// <summary>Gets or sets a value indicating whether a non-streaming call that timed out after it was sent may be sent again to the same route (it may be billed twice). Default <see langword="false"/>.</summary>
    public bool AllowDuplicateBilling { get; set; }

    /// <summary>Gets or sets a value indicating whether a route saturated by its local rate limit is waited for instead of skipped. Default <see langword="false"/>: move to the next candidate.</summary>
    public bool WaitForRateLimit { get; set; }

    /// <summary>Gets or sets the settings of <see cref="RoutingStrategy.Auto"/>: tier pools, the order inside a pool, classifier thresholds.</summary>
    public AutoRoutingOptions Auto { get; set; } = new();
}
#pragma warning restore CA1002, CA2227
