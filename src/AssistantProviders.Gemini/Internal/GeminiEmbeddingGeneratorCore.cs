// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Gemini.Internal;

/// <summary>Gemini <c>:embedContent</c> (one input) and <c>:batchEmbedContents</c> (several) behind <see cref="GeminiEmbeddingGenerator"/>.</summary>
internal sealed class GeminiEmbeddingGeneratorCore(ProviderTransport transport, string defaultModel, string? defaultTaskType)
    : ProviderEmbeddingGeneratorCore(transport, defaultModel)
{
    protected override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateCoreAsync(
        IReadOnlyList<string> inputs, EmbeddingGenerationOptions? options, CancellationToken cancellationToken)
    {
        var model = ResolveModel(options);
        if (inputs.Count == 0)
        {
            return [];
        }

        var props = options?.AdditionalProperties;
        var taskType = props is not null && props.TryGetValue(GeminiPropertyNames.TaskType, out string? t) && !string.IsNullOrWhiteSpace(t) ? t : defaultTaskType;
        var title = props is not null && props.TryGetValue(GeminiPropertyNames.Title, out string? s) ? s : null;
        GeminiEmbedContentRequest Item(string text, string? itemModel) => new()
        {
            Model = itemModel,
            Content = new GeminiContent { Parts = [new GeminiPart { Text = text }] },
            TaskType = taskType,
            Title = title,
            OutputDimensionality = options?.Dimensions,
        };

        HttpRequestMessage request;
        if (inputs.Count == 1)
        {
            request = new HttpRequestMessage(HttpMethod.Post, Transport.Resolve(GeminiPaths.Method(model, "embedContent")))
            {
                Content = ProviderTransport.JsonContent(Item(inputs[0], null), GeminiJsonContext.Default.GeminiEmbedContentRequest),
            };
        }
        else
        {
            var resource = GeminiPaths.ResourceName(model);
            var batch = new GeminiBatchEmbedContentsRequest { Requests = inputs.Select(i => Item(i, resource)).ToList() };
            request = new HttpRequestMessage(HttpMethod.Post, Transport.Resolve(GeminiPaths.Method(model, "batchEmbedContents")))
            {
                Content = ProviderTransport.JsonContent(batch, GeminiJsonContext.Default.GeminiBatchEmbedContentsRequest),
            };
        }

        using (request)
        {
            var (wire, rateLimits) = await Transport.SendForJsonAsync(request, GeminiJsonContext.Default.GeminiEmbedContentResponse, model, cancellationToken).ConfigureAwait(false);
            var vectors = inputs.Count == 1 && wire.Embedding is { } one ? [one] : wire.Embeddings ?? [];
            return EmbeddingResults.Create(Transport, vectors.Select(v => v.Values).ToList(), inputs.Count, model, null, rateLimits);
        }
    }
}
