// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Routing;

namespace AssistantProviders.Audit;

/// <summary>One attempt in an <see cref="AuditRecord"/> (the attempt trail).</summary>
/// <param name="Provider">The provider id.</param>
/// <param name="Model">The model, or <see langword="null"/> for the provider's default.</param>
/// <param name="Outcome">How the attempt ended.</param>
/// <param name="ErrorType">The error kind of a failed attempt.</param>
/// <param name="LatencyMs">The attempt's duration in milliseconds.</param>
/// <param name="CostUsd">The attempt's cost, when known.</param>
public sealed record AuditAttempt(string Provider, string? Model, RouteAttemptOutcome Outcome, string? ErrorType, double LatencyMs, decimal? CostUsd);
