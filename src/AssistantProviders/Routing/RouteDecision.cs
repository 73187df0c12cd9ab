// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Routing;

/// <summary>Why one candidate route was taken or skipped.</summary>
/// <param name="Provider">The provider id.</param>
/// <param name="Model">The model id, or <see langword="null"/> for the provider's default model.</param>
/// <param name="Eligible">Whether the candidate passed the filters (it may still have failed when tried).</param>
/// <param name="Reason">A short human-readable reason (for example <c>skipped: circuit open</c>).</param>
public sealed record RouteDecision(string Provider, string? Model, bool Eligible, string Reason)
{
    /// <summary>
    /// Gets when a candidate skipped for a temporary reason (open breaker, cooldown, local or vendor rate limit) becomes
    /// usable again, or <see langword="null"/> for a lasting reason (capabilities, allow-lists, no key).
    /// </summary>
    public DateTimeOffset? AvailableAt { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Provider + "/" + (Model ?? "(default)") + ": " + Reason;
}
