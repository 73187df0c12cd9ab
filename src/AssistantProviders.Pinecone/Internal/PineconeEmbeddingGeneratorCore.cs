// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>Pinecone <c>POST /embed</c> (dense float embeddings) behind <see cref="PineconeEmbeddingGenerator"/>.</summary>
internal sealed class PineconeEmbeddingGeneratorCore(ProviderTransport transport, string defaultModel, string defaultInputType)
    : ProviderEmbeddingGeneratorCore(transport, defaultModel)
{
    protected override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateCoreAsync(
        IReadOnlyList<string> inputs, EmbeddingGenerationOptions? options, CancellationToken cancellationToken)
    {
        if (inputs.Count == 0)
        {
            return [];
        }

        var model = ResolveModel(options);
        var props = options?.AdditionalProperties;
        var parameters = new JsonObject
        {
            ["input_type"] = props is not null && props.TryGetValue(PineconePropertyNames.InputType, out string? inputType) && !string.IsNullOrWhiteSpace(inputType)
                ? inputType
                : defaultInputType,
        };
        if (props is not null && props.TryGetValue(PineconePropertyNames.Truncate, out string? truncate) && !string.IsNullOrWhiteSpace(truncate))
        {
            parameters["truncate"] = truncate;
        }

        if (options?.Dimensions is { } dimensions)
        {
            parameters["dimension"] = dimensions;
        }

        var body = new PineconeEmbedRequest
        {
            Model = model,
            Parameters = parameters,
            Inputs = [.. inputs.Select(t => new PineconeTextInput { Text = t })],
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, Transport.Resolve("embed"))
        {
            Content = ProviderTransport.JsonContent(body, PineconeJsonContext.Default.PineconeEmbedRequest),
        };
        var (wire, rateLimits) = await Transport.SendForJsonAsync(request, PineconeJsonContext.Default.PineconeEmbedResponse, model, cancellationToken).ConfigureAwait(false);
        if (wire.VectorType is { } kind && !string.Equals(kind, "dense", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"The Pinecone model '{model}' returns {kind} embeddings; PineconeEmbeddingGenerator returns dense float embeddings only.");
        }

        var tokens = wire.Usage?.TotalTokens;
        var usage = tokens is null ? null : new UsageDetails { InputTokenCount = tokens, TotalTokenCount = tokens };
        return EmbeddingResults.Create(Transport, [.. (wire.Data ?? []).Select(d => d.Values)], inputs.Count, model, usage, rateLimits, wire.Model);
    }

    /// <summary>Lists the hosted models: <c>type</c> <c>embed</c> → embeddings, <c>rerank</c> → rerank; <c>max_sequence_length</c> → context window.</summary>
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken) =>
        ModelListReader.ListAsync(Transport, "models", static (item, model) =>
        {
            if (item.TryGetProperty("type", out var type) && type.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                model.Capabilities = type.GetString() switch
                {
                    "embed" => ModelCapabilities.Embeddings,
                    "rerank" => ModelCapabilities.Rerank,
                    _ => ModelCapabilities.None,
                };
            }

            if (model.ContextWindow is null && item.TryGetProperty("max_sequence_length", out var length) && length.TryGetInt32(out var tokens))
            {
                model.ContextWindow = tokens;
            }
        }, cancellationToken);
}
