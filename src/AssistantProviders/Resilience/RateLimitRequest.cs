// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Resilience;

/// <summary>What an <see cref="IRateLimitGate"/> is asked: permits from one provider's per-minute limit.</summary>
/// <param name="ProviderId">The provider id, for example <c>openai</c>.</param>
/// <param name="Kind">Which limit: requests or tokens per minute.</param>
/// <param name="Limit">The limit in force per minute (at least 1).</param>
/// <param name="Permits">The permits wanted: 1 for a request, the estimated tokens for tokens. Gates clamp it to 1..<paramref name="Limit"/>.</param>
public readonly record struct RateLimitRequest(string ProviderId, RateLimitKind Kind, int Limit, long Permits);
