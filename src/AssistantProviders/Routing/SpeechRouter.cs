// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>
/// The routed <see cref="ISpeechClient"/>: speech-to-text and text-to-speech are routed separately, over the providers'
/// keyed <see cref="ISpeechToTextClient"/> and <see cref="ITextToSpeechClient"/>, with the chat router's failover rules.
/// </summary>
/// <remarks>The MEAI speech interfaces are experimental (<c>MEAI001</c>), and so is this router.</remarks>
public sealed class SpeechRouter : ISpeechClient
{
    private readonly RouteEngine _engine;

    internal SpeechRouter(RouteEngine engine)
    {
        _engine = engine;
    }

    /// <inheritdoc/>
    public async Task<SpeechToTextResponse> GetTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audioSpeechStream);
        return await _engine.ExecuteAsync(new SpeechToTextOperation(audioSpeechStream, options), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<SpeechToTextResponseUpdate> GetStreamingTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audioSpeechStream);

        // The engine's stream is returned as is; the audio is buffered (when it cannot seek) and the plan built when
        // enumeration starts.
        return _engine.StreamAsync(new StreamingSpeechToTextOperation(audioSpeechStream, options), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return await _engine.ExecuteAsync(new TextToSpeechOperation(text, options), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _engine.StreamAsync(new StreamingTextToSpeechOperation(text, options), cancellationToken);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // The provider clients belong to the service provider.
    }
}
