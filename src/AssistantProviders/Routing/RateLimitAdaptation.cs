// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using AssistantProviders.Resilience;

namespace AssistantProviders.Routing;

/// <summary>
/// Adapts a route's local limits from what the vendor reports (<see cref="ProviderRateLimits"/> in a response's
/// <c>AdditionalProperties</c>), and reads the real token usage that corrects the tokens-per-minute admission.
/// </summary>
internal static class RateLimitAdaptation
{
    /// <summary>Gets the vendor report attached to a routed result (response, first streamed update, embeddings, speech, rerank).</summary>
    public static ProviderRateLimits? Find<T>(T value) => Find(value switch
    {
        ChatResponse r => r.AdditionalProperties,
        ChatResponseUpdate u => u.AdditionalProperties,
        GeneratedEmbeddings<Embedding<float>> e => e.AdditionalProperties,
        SpeechToTextResponse s => s.AdditionalProperties,
        SpeechToTextResponseUpdate s => s.AdditionalProperties,
        TextToSpeechResponse t => t.AdditionalProperties,
        TextToSpeechResponseUpdate t => t.AdditionalProperties,
        RerankResult r => r.AdditionalProperties,
        _ => null,
    });

    /// <summary>Gets the vendor report stored under <see cref="ProviderRateLimits.Key"/>, or <see langword="null"/>.</summary>
    public static ProviderRateLimits? Find(AdditionalPropertiesDictionary? properties) =>
        properties is not null && properties.TryGetValue(ProviderRateLimits.Key, out var value) ? value as ProviderRateLimits : null;

    /// <summary>
    /// Applies a vendor report to a route: a window with nothing left holds the route back until its reset, and a vendor limit
    /// lower than the configured one is adopted by the provider's local limiter. A provider with a key pool is left alone: each
    /// report then describes one key, and the transport rotates keys on 429 by itself. A reported reset holds the route back
    /// for at most <paramref name="maxHold"/> (<c>Routing:MaxRetryAfter</c>).
    /// </summary>
    public static void Apply(RouteCandidate candidate, ProviderRateLimits? limits, TimeProvider time, ILogger logger, TimeSpan maxHold)
    {
        if (limits is null || !limits.HasValues)
        {
            return;
        }

        var provider = candidate.Provider;
        if (HasKeyPool(provider))
        {
            return;
        }

        candidate.State.VendorLimits.Observe(limits, time.GetUtcNow(), maxHold);
        if (limits.LimitRequests is { } requests && provider.RequestLimiter is { } requestLimiter && requestLimiter.Adopt(requests))
        {
            Log.VendorLimitAdopted(logger, provider.Id, "requests", requestLimiter.Limit, requestLimiter.ConfiguredLimit);
        }

        if (limits.LimitTokens is { } tokens && provider.TokenLimiter is { } tokenLimiter && tokenLimiter.Adopt(tokens))
        {
            Log.VendorLimitAdopted(logger, provider.Id, "tokens", tokenLimiter.Limit, tokenLimiter.ConfiguredLimit);
        }
    }

    /// <summary>Gets the tokens a call really used: the total, else input plus output; <see langword="null"/> when not reported.</summary>
    public static long? ActualTokens(UsageDetails? usage)
    {
        if (usage is null)
        {
            return null;
        }

        if (usage.TotalTokenCount is { } total)
        {
            return total;
        }

        return usage.InputTokenCount is null && usage.OutputTokenCount is null
            ? null
            : (usage.InputTokenCount ?? 0) + (usage.OutputTokenCount ?? 0);
    }

    private static bool HasKeyPool(ProviderRuntime provider)
    {
        var options = provider.Options;
        if (options is null)
        {
            return false;
        }

        var count = options.ApiKeys.Count;
        return count > 1 || (count == 1 && options.ApiKey is { } key && !key.Equals(options.ApiKeys[0]));
    }
}
