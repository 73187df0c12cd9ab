// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared;

/// <summary>
/// What every internal embedding core shares, written once: the <see cref="ProviderTransport"/>, the
/// <see cref="EmbeddingGeneratorMetadata"/> (provider id, endpoint, default embedding model), the <c>GetService</c> rule
/// (<see cref="ClientServiceLookup"/>) and disposal of the transport. Request and response shapes stay in the derived class.
/// </summary>
internal abstract class ProviderEmbeddingGeneratorCore : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata;

    protected ProviderEmbeddingGeneratorCore(ProviderTransport transport, string? defaultModel)
    {
        ArgumentNullException.ThrowIfNull(transport);
        Transport = transport;
        DefaultModel = defaultModel;
        _metadata = new EmbeddingGeneratorMetadata(transport.Descriptor.Id, transport.Endpoint, defaultModel);
    }

    /// <summary>Gets the transport (endpoint, auth, limits, error mapping).</summary>
    public ProviderTransport Transport { get; }

    /// <summary>Gets the embedding model used when a request names none.</summary>
    protected string? DefaultModel { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        return GenerateCoreAsync(values.ToList(), options, cancellationToken); // a snapshot: the caller may change its list while the request runs
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        ClientServiceLookup.Find(this, serviceType, serviceKey, _metadata, Transport.Descriptor);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Transport.Dispose();
        }
    }

    /// <summary>Sends one embedding request for <paramref name="inputs"/> (already checked for null and materialised once).</summary>
    /// <param name="inputs">The texts, in order.</param>
    /// <param name="options">The request options, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One embedding per input, in order.</returns>
    protected abstract Task<GeneratedEmbeddings<Embedding<float>>> GenerateCoreAsync(
        IReadOnlyList<string> inputs, EmbeddingGenerationOptions? options, CancellationToken cancellationToken);

    /// <summary>Gets the model for a request: the request's, else <see cref="DefaultModel"/>, else the transport's rule.</summary>
    protected string ResolveModel(EmbeddingGenerationOptions? options) =>
        !string.IsNullOrWhiteSpace(options?.ModelId) ? options.ModelId : DefaultModel ?? Transport.ResolveModel(null);
}
