// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using AssistantProviders.AssemblyAI.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.AssemblyAI;

/// <summary>
/// AssemblyAI speech-to-text as an <see cref="ISpeechToTextClient"/> (experimental MEAI API, <c>MEAI001</c>). Pre-recorded audio is
/// uploaded (<c>/v2/upload</c>), transcribed (<c>/v2/transcript</c>) and polled with backoff; utterances, sentiment results and the
/// detected language travel under <see cref="AssemblyAIPropertyNames"/>. <c>GetStreamingTextAsync</c> streams the finished
/// transcript as updates, or, with <see cref="AssemblyAIPropertyNames.Live"/> (or <see cref="AssemblyAIClientOptions.LiveStreaming"/>),
/// transcribes raw PCM live over the Universal-Streaming v3 WebSocket. Default model <c>universal-2</c>.
/// </summary>
public sealed class AssemblyAISpeechToTextClient : ISpeechToTextClient, IModelDiscovery
{
    private readonly ProviderTransport _transport;
    private readonly AssemblyAIClientOptions _options;
    private readonly AssemblyAITranscriber _transcriber;
    private readonly AssemblyAILiveSession _live;
    private readonly SpeechToTextClientMetadata _metadata;

    /// <summary>Initializes a new instance of the <see cref="AssemblyAISpeechToTextClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, models, polling and limits).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public AssemblyAISpeechToTextClient(AssemblyAIClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal AssemblyAISpeechToTextClient(AssemblyAIClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _transport = AssemblyAIProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider);
        _transcriber = new AssemblyAITranscriber(_transport, options);
        _live = new AssemblyAILiveSession(_transport, options);
        _metadata = new SpeechToTextClientMetadata(AssemblyAIProvider.Id, _transport.Endpoint, _transport.ResolveModel(null));
    }

    /// <inheritdoc/>
    public Task<SpeechToTextResponse> GetTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audioSpeechStream);
        return _transcriber.TranscribeAsync(audioSpeechStream, options, cancellationToken);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<SpeechToTextResponseUpdate> GetStreamingTextAsync(
        Stream audioSpeechStream, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audioSpeechStream);
        if (AssemblyAILiveSession.IsLive(_options, options))
        {
            await foreach (var live in _live.StreamAsync(audioSpeechStream, options, cancellationToken).ConfigureAwait(false))
            {
                yield return live;
            }

            yield break;
        }

        var response = await _transcriber.TranscribeAsync(audioSpeechStream, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in AssemblyAIMapper.ToUpdates(response))
        {
            yield return update;
        }
    }

    /// <summary>
    /// Lists AssemblyAI's speech models. AssemblyAI has no models endpoint, so this checks the key with the cheapest authenticated
    /// call (<c>GET /v2/transcript?limit=1</c>, which lists at most one transcript) and returns the documented models.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pre-recorded and live speech models.</returns>
    public async Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _transport.Resolve("v2/transcript?limit=1"));
        using (await _transport.SendAsync(request, null, streaming: false, cancellationToken).ConfigureAwait(false))
        {
        }

        return [.. AssemblyAIProvider.KnownModels.Select(m => new ModelDescriptor(AssemblyAIProvider.Id, m.Id)
        {
            Capabilities = m.Live ? ModelCapabilities.SpeechToText | ModelCapabilities.Streaming : ModelCapabilities.SpeechToText,
            Locality = ProviderLocality.Cloud,
        })];
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(AssemblyAIClientOptions) && serviceKey is null ? _options
        : ClientServiceLookup.Find(this, serviceType, serviceKey, _metadata, _transport.Descriptor);

    /// <inheritdoc/>
    public void Dispose() => _transport.Dispose();
}
