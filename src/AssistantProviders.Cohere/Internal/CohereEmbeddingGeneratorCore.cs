// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Cohere.Internal;

/// <summary>Cohere <c>v2/embed</c> (float embeddings) behind <see cref="CohereEmbeddingGenerator"/>.</summary>
internal sealed class CohereEmbeddingGeneratorCore : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly ProviderTransport _transport;
    private readonly string _defaultModel;
    private readonly string _defaultInputType;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public CohereEmbeddingGeneratorCore(ProviderTransport transport, string defaultModel, string defaultInputType)
    {
        _transport = transport;
        _defaultModel = defaultModel;
        _defaultInputType = defaultInputType;
        _metadata = new EmbeddingGeneratorMetadata(transport.Descriptor.Id, transport.Endpoint, defaultModel);
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToList();
        if (texts.Count == 0)
        {
            return [];
        }

        var model = string.IsNullOrWhiteSpace(options?.ModelId) ? _defaultModel : options.ModelId;
        var props = options?.AdditionalProperties;
        var body = new CohereEmbedRequest
        {
            Model = model,
            Texts = texts,
            InputType = props is not null && props.TryGetValue(CohereEmbeddingOptionKeys.InputType, out string? inputType) && !string.IsNullOrWhiteSpace(inputType)
                ? inputType
                : _defaultInputType,
            OutputDimension = options?.Dimensions,
            Truncate = props is not null && props.TryGetValue(CohereEmbeddingOptionKeys.Truncate, out string? truncate) ? truncate : null,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve("v2/embed"))
        {
            Content = ProviderTransport.JsonContent(body, CohereJsonContext.Default.CohereEmbedRequest),
        };
        var (wire, rateLimits) = await _transport.SendForJsonAsync(request, CohereJsonContext.Default.CohereEmbedResponse, model, cancellationToken).ConfigureAwait(false);
        var input = CohereMapper.ToLong(wire.Meta?.BilledUnits?.InputTokens);
        var usage = input is null ? null : new UsageDetails { InputTokenCount = input, TotalTokenCount = input };
        return EmbeddingResults.Create(_transport, (wire.Embeddings?.Float ?? [])!, texts.Count, model, usage, rateLimits);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        ClientServiceLookup.Find(this, serviceType, serviceKey, _metadata, _transport.Descriptor);

    public void Dispose() => _transport.Dispose();
}
