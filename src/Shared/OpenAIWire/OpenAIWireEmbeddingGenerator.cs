// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>The OpenAI-wire <c>/embeddings</c> client shared by OpenAI-compatible vendors.</summary>
internal sealed class OpenAIWireEmbeddingGenerator(ProviderTransport transport, OpenAIWireProfile profile, string? defaultEmbeddingModel)
    : ProviderEmbeddingGeneratorCore(transport, defaultEmbeddingModel)
{
    private readonly OpenAIWireProfile _profile = profile;

    protected override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateCoreAsync(
        IReadOnlyList<string> inputs, EmbeddingGenerationOptions? options, CancellationToken cancellationToken)
    {
        var model = Transport.ResolveModel(options?.ModelId ?? DefaultModel);
        var body = new WireEmbeddingRequest { Model = model, Input = inputs, Dimensions = options?.Dimensions };
        _profile.ConfigureEmbeddingRequest(body, options);
        using var request = new HttpRequestMessage(HttpMethod.Post, Transport.Resolve(_profile.EmbeddingsPath))
        {
            Content = ProviderTransport.JsonContent(body, OpenAIWireJsonContext.Default.WireEmbeddingRequest),
        };
        var (wire, rateLimits) = await Transport.SendForJsonAsync(request, OpenAIWireJsonContext.Default.WireEmbeddingResponse, model, cancellationToken).ConfigureAwait(false);
        var vectors = (wire.Data ?? []).OrderBy(d => d.Index).Select(d => d.Embedding).ToList();
        return EmbeddingResults.Create(Transport, vectors, inputs.Count, model, OpenAIWireMapper.ToUsage(wire.Usage), rateLimits, wire.Model);
    }
}
