// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Ollama.Internal;

/// <summary>The Ollama <c>/api/embed</c> client (batch input, <c>dimensions</c>, <c>truncate</c>).</summary>
internal sealed class OllamaEmbeddingGeneratorCore(ProviderTransport transport, string defaultModel, string? keepAlive)
    : ProviderEmbeddingGeneratorCore(transport, defaultModel)
{
    protected override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateCoreAsync(
        IReadOnlyList<string> inputs, EmbeddingGenerationOptions? options, CancellationToken cancellationToken)
    {
        var model = ResolveModel(options);
        var body = OllamaMapper.ToEmbedRequest(inputs, options, model, keepAlive);
        using var request = new HttpRequestMessage(HttpMethod.Post, Transport.Resolve(OllamaProvider.EmbedPath))
        {
            Content = ProviderTransport.JsonContent(body, OllamaJsonContext.Default.OllamaEmbedRequest),
        };
        Log.Embedding(Transport.Logger, model, inputs.Count);
        var (wire, rateLimits) = await Transport.SendForJsonAsync(request, OllamaJsonContext.Default.OllamaEmbedResponse, model, cancellationToken).ConfigureAwait(false);
        if (wire.Error is { ValueKind: System.Text.Json.JsonValueKind.String } error)
        {
            throw ProviderErrorMapper.FromMessage(Transport.Descriptor, error.GetString() ?? "unknown error", null, model, Transport.Key);
        }

        var usage = wire.PromptEvalCount is { } tokens ? new UsageDetails { InputTokenCount = tokens, TotalTokenCount = tokens } : null;
        var result = EmbeddingResults.Create(Transport, (wire.Embeddings ?? [])!, inputs.Count, model, usage, rateLimits, wire.Model);
        if (OllamaMapper.Nanoseconds(wire.TotalDuration) is { } total)
        {
            result.AdditionalProperties![OllamaPropertyNames.TotalDuration] = total;
        }

        if (OllamaMapper.Nanoseconds(wire.LoadDuration) is { } load)
        {
            result.AdditionalProperties![OllamaPropertyNames.LoadDuration] = load;
        }

        return result;
    }
}
