// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>The OpenAI-wire <c>/embeddings</c> client shared by OpenAI-compatible vendors.</summary>
internal sealed class OpenAIWireEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly ProviderTransport _transport;
    private readonly OpenAIWireProfile _profile;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly string? _defaultModel;

    public OpenAIWireEmbeddingGenerator(ProviderTransport transport, OpenAIWireProfile profile, string? defaultEmbeddingModel)
    {
        _transport = transport;
        _profile = profile;
        _defaultModel = defaultEmbeddingModel;
        _metadata = new EmbeddingGeneratorMetadata(transport.Descriptor.Id, transport.Endpoint, defaultEmbeddingModel);
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values.ToList();
        var model = _transport.ResolveModel(options?.ModelId ?? _defaultModel);
        var body = new WireEmbeddingRequest { Model = model, Input = inputs, Dimensions = options?.Dimensions };
        _profile.ConfigureEmbeddingRequest(body, options);
        using var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve(_profile.EmbeddingsPath))
        {
            Content = ProviderTransport.JsonContent(body, OpenAIWireJsonContext.Default.WireEmbeddingRequest),
        };
        var (wire, rateLimits) = await _transport.SendForJsonAsync(request, OpenAIWireJsonContext.Default.WireEmbeddingResponse, model, cancellationToken).ConfigureAwait(false);
        var data = wire.Data ?? [];
        if (data.Count != inputs.Count || data.Any(d => d.Embedding is null))
        {
            throw _transport.InvalidResponse(model, $"{data.Count} embeddings came back for {inputs.Count} inputs", null);
        }

        var createdAt = _transport.TimeProvider.GetUtcNow();
        var result = new GeneratedEmbeddings<Embedding<float>>(data.OrderBy(d => d.Index).Select(d => new Embedding<float>(d.Embedding!)
        {
            ModelId = wire.Model ?? model,
            CreatedAt = createdAt,
        }))
        {
            Usage = OpenAIWireMapper.ToUsage(wire.Usage),
            AdditionalProperties = new() { [AssistantProviderProperties.Provider] = _transport.Descriptor.Id },
        };
        if (rateLimits is not null)
        {
            result.AdditionalProperties[ProviderRateLimits.Key] = rateLimits;
        }

        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return _metadata;
        }

        if (serviceType == typeof(ProviderDescriptor))
        {
            return _transport.Descriptor;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose() => _transport.Dispose();
}
