// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Resilience;

/// <summary>The answer of an <see cref="IRateLimitGate"/>.</summary>
public enum RateLimitDecision
{
    /// <summary>The permits were taken: the call may go.</summary>
    Admitted = 0,

    /// <summary>The window is full: the route is skipped (never counted as a provider failure).</summary>
    Rejected,

    /// <summary>The gate does not decide (the default gate, or a shared one whose store is unavailable and fails open): the instance's own limiter does.</summary>
    Local,
}
