// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared;

/// <summary>
/// Puts the vendor's <see cref="ProviderRateLimits"/> under <see cref="ProviderRateLimits.Key"/> in a result's
/// <c>AdditionalProperties</c>, written once; nothing is added when the vendor reported none. Streams use <see cref="StreamRateLimits"/>.
/// </summary>
internal static class RateLimitAttachment
{
    public static void Attach(ChatResponse response, ProviderRateLimits? rateLimits)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.AdditionalProperties = Add(response.AdditionalProperties, rateLimits);
    }

    public static void Attach(ChatResponseUpdate update, ProviderRateLimits? rateLimits)
    {
        ArgumentNullException.ThrowIfNull(update);
        update.AdditionalProperties = Add(update.AdditionalProperties, rateLimits);
    }

    public static void Attach(GeneratedEmbeddings<Embedding<float>> embeddings, ProviderRateLimits? rateLimits)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        embeddings.AdditionalProperties = Add(embeddings.AdditionalProperties, rateLimits);
    }

    private static AdditionalPropertiesDictionary? Add(AdditionalPropertiesDictionary? properties, ProviderRateLimits? rateLimits)
    {
        if (rateLimits is null)
        {
            return properties;
        }

        properties ??= [];
        properties[ProviderRateLimits.Key] = rateLimits;
        return properties;
    }
}
