// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Cohere.Internal;

/// <summary>Cohere <c>v2/embed</c> (float embeddings) behind <see cref="CohereEmbeddingGenerator"/>.</summary>
internal sealed class CohereEmbeddingGeneratorCore(ProviderTransport transport, string defaultModel, string defaultInputType)
    : ProviderEmbeddingGeneratorCore(transport, defaultModel)
{
    protected override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateCoreAsync(
        IReadOnlyList<string> texts, EmbeddingGenerationOptions? options, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            return [];
        }

        var model = ResolveModel(options);
        var props = options?.AdditionalProperties;
        var body = new CohereEmbedRequest
        {
            Model = model,
            Texts = texts,
            InputType = props is not null && props.TryGetValue(CoherePropertyNames.InputType, out string? inputType) && !string.IsNullOrWhiteSpace(inputType)
                ? inputType
                : defaultInputType,
            OutputDimension = options?.Dimensions,
            Truncate = props is not null && props.TryGetValue(CoherePropertyNames.Truncate, out string? truncate) ? truncate : null,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, Transport.Resolve("v2/embed"))
        {
            Content = ProviderTransport.JsonContent(body, CohereJsonContext.Default.CohereEmbedRequest),
        };
        var (wire, rateLimits) = await Transport.SendForJsonAsync(request, CohereJsonContext.Default.CohereEmbedResponse, model, cancellationToken).ConfigureAwait(false);
        var input = CohereMapper.ToLong(wire.Meta?.BilledUnits?.InputTokens);
        var usage = input is null ? null : new UsageDetails { InputTokenCount = input, TotalTokenCount = input };
        return EmbeddingResults.Create(Transport, (wire.Embeddings?.Float ?? [])!, texts.Count, model, usage, rateLimits);
    }
}
