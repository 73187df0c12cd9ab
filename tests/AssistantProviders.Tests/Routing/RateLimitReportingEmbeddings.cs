// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Routing;

/// <summary>Wraps an embedding generator and attaches a vendor rate-limit report to every result, as the providers do.</summary>
internal sealed class RateLimitReportingEmbeddings(IEmbeddingGenerator<string, Embedding<float>> inner, ProviderRateLimits limits)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = await base.GenerateAsync(values, options, cancellationToken);
        (result.AdditionalProperties ??= [])[ProviderRateLimits.Key] = limits;
        return result;
    }
}
