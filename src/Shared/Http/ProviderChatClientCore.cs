// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared;

/// <summary>
/// What every internal chat core (native formats and the OpenAI wire) shares, written once: the <see cref="ProviderTransport"/>,
/// the <see cref="ChatClientMetadata"/> (provider id, endpoint, default model), argument check and model resolution, the <c>GetService</c> rule
/// (<see cref="ClientServiceLookup"/>), disposal of the transport, and the streaming preamble (Accept header, streaming send).
/// Wire formats, mapping and terminator detection stay in the derived class.
/// </summary>
internal abstract class ProviderChatClientCore : IChatClient, IModelDiscovery
{
    private readonly ChatClientMetadata _metadata;

    protected ProviderChatClientCore(ProviderTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        Transport = transport;
        _metadata = new ChatClientMetadata(transport.Descriptor.Id, transport.Endpoint, transport.Options.DefaultModel ?? transport.Descriptor.DefaultModel);
    }

    /// <summary>Gets the transport (endpoint, auth, limits, error mapping).</summary>
    public ProviderTransport Transport { get; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var model = Transport.ResolveModel(options?.ModelId);
        return await GetResponseAsync(messages, options, model, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var model = Transport.ResolveModel(options?.ModelId);
        await foreach (var update in GetStreamingResponseAsync(messages, options, model, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    public abstract Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default);

    /// <summary>Sends a non-streaming request for <paramref name="model"/> (the request's model, else the default; already resolved).</summary>
    protected abstract Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, CancellationToken cancellationToken);

    /// <summary>Streams the answer for <paramref name="model"/> (already resolved); must throw on a missing terminator.</summary>
    protected abstract IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, CancellationToken cancellationToken);

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

    /// <summary>Sends a streaming request: sets <c>Accept</c> to <paramref name="accept"/> and sends it under the stream time limit.</summary>
    protected Task<ProviderResponse> SendStreamingAsync(HttpRequestMessage request, string model, string accept, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Accept.ParseAdd(accept);
        return Transport.SendAsync(request, model, streaming: true, cancellationToken);
    }
}
