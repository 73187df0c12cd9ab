// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Ollama.Internal;

/// <summary>The Ollama <c>/api/embed</c> client (batch input, <c>dimensions</c>, <c>truncate</c>).</summary>
internal sealed class OllamaEmbeddingGeneratorCore : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly ProviderTransport _transport;
    private readonly string _defaultModel;
    private readonly string? _keepAlive;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public OllamaEmbeddingGeneratorCore(ProviderTransport transport, string defaultModel, string? keepAlive)
    {
        _transport = transport;
        _defaultModel = defaultModel;
        _keepAlive = keepAlive;
        _metadata = new EmbeddingGeneratorMetadata(transport.Descriptor.Id, transport.Endpoint, defaultModel);
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values.ToList();
        var model = string.IsNullOrWhiteSpace(options?.ModelId) ? _defaultModel : options.ModelId;
        var body = OllamaMapper.ToEmbedRequest(inputs, options, model, _keepAlive);
        using var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve(OllamaProvider.EmbedPath))
        {
            Content = ProviderTransport.JsonContent(body, OllamaJsonContext.Default.OllamaEmbedRequest),
        };
        Log.Embedding(_transport.Logger, model, inputs.Count);
        var (wire, _) = await _transport.SendForJsonAsync(request, OllamaJsonContext.Default.OllamaEmbedResponse, model, cancellationToken).ConfigureAwait(false);
        if (wire.Error is { ValueKind: System.Text.Json.JsonValueKind.String } error)
        {
            throw ProviderErrorMapper.FromMessage(_transport.Descriptor, error.GetString() ?? "unknown error", null, model, _transport.Key);
        }

        var vectors = wire.Embeddings ?? [];
        if (vectors.Count != inputs.Count || vectors.Any(v => v is null))
        {
            throw _transport.InvalidResponse(model, $"{vectors.Count} embeddings came back for {inputs.Count} inputs", null);
        }

        var createdAt = _transport.TimeProvider.GetUtcNow();
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v)
        {
            ModelId = wire.Model ?? model,
            CreatedAt = createdAt,
        }))
        {
            Usage = wire.PromptEvalCount is { } tokens ? new UsageDetails { InputTokenCount = tokens, TotalTokenCount = tokens } : null,
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = _transport.Descriptor.Id },
        };
        if (OllamaMapper.Nanoseconds(wire.TotalDuration) is { } total)
        {
            result.AdditionalProperties[OllamaChatClient.TotalDurationKey] = total;
        }

        if (OllamaMapper.Nanoseconds(wire.LoadDuration) is { } load)
        {
            result.AdditionalProperties[OllamaChatClient.LoadDurationKey] = load;
        }

        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        ClientServiceLookup.Find(this, serviceType, serviceKey, _metadata, _transport.Descriptor);

    public void Dispose() => _transport.Dispose();
}
