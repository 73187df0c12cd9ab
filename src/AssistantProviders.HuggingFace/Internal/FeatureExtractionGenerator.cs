// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.HuggingFace.Internal;

/// <summary>
/// Embeddings through the Hugging Face feature-extraction pipeline: <c>POST {FeatureExtractionEndpoint}{model}/pipeline/feature-extraction</c>
/// with <c>{"inputs":[...]}</c>, answered with one vector per input. The vendor reports no token usage.
/// </summary>
internal sealed class FeatureExtractionGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly ProviderTransport _transport;
    private readonly Uri _pipelineBase;
    private readonly string _defaultModel;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public FeatureExtractionGenerator(ProviderTransport transport, Uri pipelineBase, string defaultModel)
    {
        if (!ProviderEndpointPolicy.IsAllowed(pipelineBase, transport.Descriptor.Locality, out var error))
        {
            throw new ArgumentException($"Hugging Face feature-extraction endpoint rejected: {error}", nameof(pipelineBase));
        }

        _transport = transport;
        _pipelineBase = pipelineBase.AbsoluteUri.EndsWith('/') ? pipelineBase : new Uri(pipelineBase.AbsoluteUri + "/");
        _defaultModel = defaultModel;
        _metadata = new EmbeddingGeneratorMetadata(transport.Descriptor.Id, _pipelineBase, defaultModel);
    }

    public Uri PipelineUri(string model) => new(_pipelineBase, model.Trim('/') + "/pipeline/feature-extraction");

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values.ToList();
        var model = _transport.ResolveModel(options?.ModelId ?? _defaultModel);
        var body = new FeatureExtractionRequest
        {
            Inputs = inputs,
            Normalize = Flag(options, HuggingFacePropertyNames.Normalize),
            Truncate = Flag(options, HuggingFacePropertyNames.Truncate),
            PromptName = options?.AdditionalProperties?.TryGetValue(HuggingFacePropertyNames.PromptName, out var p) == true ? p as string : null,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, PipelineUri(model))
        {
            Content = ProviderTransport.JsonContent(body, HuggingFaceJsonContext.Default.FeatureExtractionRequest),
        };
        var (root, rateLimits) = await _transport.SendForJsonAsync(request, HuggingFaceJsonContext.Default.JsonElement, model, cancellationToken).ConfigureAwait(false);

        List<float[]>? vectors;
        string? problem;
        try
        {
            vectors = FeatureExtractionMapper.ToVectors(root, inputs.Count, out problem);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException)
        {
            throw _transport.InvalidResponse(model, "the feature-extraction answer was not an array of numbers", ex);
        }

        if (vectors is null)
        {
            throw _transport.InvalidResponse(model, problem ?? "unexpected feature-extraction answer", null);
        }

        var createdAt = _transport.TimeProvider.GetUtcNow();
        var properties = new AdditionalPropertiesDictionary { [AssistantProviderProperties.Provider] = _transport.Descriptor.Id };
        if (rateLimits is not null)
        {
            properties[ProviderRateLimits.Key] = rateLimits;
        }

        // The pipeline reports no token usage, so Usage stays null.
        return new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = model, CreatedAt = createdAt }))
        {
            AdditionalProperties = properties,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType == typeof(ProviderDescriptor) ? _transport.Descriptor
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose() => _transport.Dispose();

    private static bool? Flag(EmbeddingGenerationOptions? options, string key) =>
        options?.AdditionalProperties?.TryGetValue(key, out var value) == true && value is bool b ? b : null;
}
