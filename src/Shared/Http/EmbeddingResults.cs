// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared;

/// <summary>
/// Builds the <see cref="GeneratedEmbeddings{TEmbedding}"/> of a native embedding call, written once: checks one vector came
/// back per input (else <see cref="InvalidResponseException"/>), stamps model and time, and attaches the provider id and rate limits.
/// <c>responseModel</c> is the model the vendor says answered (stamped on each embedding when given; else the requested model).
/// </summary>
internal static class EmbeddingResults
{
    public static GeneratedEmbeddings<Embedding<float>> Create(
        ProviderTransport transport, IReadOnlyList<float[]?> vectors, int inputCount, string model, UsageDetails? usage, ProviderRateLimits? rateLimits, string? responseModel = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count != inputCount || vectors.Any(v => v is null))
        {
            throw transport.InvalidResponse(model, $"{vectors.Count} embeddings came back for {inputCount} inputs", null);
        }

        var createdAt = transport.TimeProvider.GetUtcNow();
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v!) { ModelId = responseModel ?? model, CreatedAt = createdAt }))
        {
            Usage = usage,
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = transport.Descriptor.Id },
        };
        RateLimitAttachment.Attach(result, rateLimits);
        return result;
    }
}
