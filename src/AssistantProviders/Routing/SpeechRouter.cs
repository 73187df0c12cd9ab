// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using AssistantProviders.Accounting;
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
        var audio = await RewindableAsync(audioSpeechStream, cancellationToken).ConfigureAwait(false);
        var start = audio.Position;
        var plan = _engine.Plan(Profile(RouteOperations.SpeechToText, options?.ModelId, options?.AdditionalProperties, false), typeof(ISpeechToTextClient));
        return await _engine.ExecuteAsync(
            plan,
            SttCall(audio, start, options, static (client, stream, clone, token) => client.GetTextAsync(stream, clone, token)),
            (response, route) => new AccountingResult
            {
                Usage = response.Usage,
                ResponseModelId = response.ModelId ?? route.EffectiveModel,
                AudioMinutes = response.EndTime is { } end ? (end - (response.StartTime ?? TimeSpan.Zero)).TotalMinutes : null,
            },
            (response, route, run, cost) =>
            {
                response.ModelId ??= route.EffectiveModel;
                response.AdditionalProperties = run.Annotate(response.AdditionalProperties, route, cost);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<SpeechToTextResponseUpdate> GetStreamingTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audioSpeechStream);
        return StreamTextAsync(audioSpeechStream, options, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plan = _engine.Plan(Profile(RouteOperations.TextToSpeech, options?.ModelId, options?.AdditionalProperties, false, text.Length), typeof(ITextToSpeechClient));
        return await _engine.ExecuteAsync(
            plan,
            (route, token) => ((ITextToSpeechClient)route.Client).GetAudioAsync(text, TtsOptionsFor(options, route), token),
            (response, route) => new AccountingResult { Usage = response.Usage, ResponseModelId = response.ModelId ?? route.EffectiveModel, Characters = text.Length },
            (response, route, run, cost) =>
            {
                response.ModelId ??= route.EffectiveModel;
                response.AdditionalProperties = run.Annotate(response.AdditionalProperties, route, cost);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plan = _engine.Plan(Profile(RouteOperations.TextToSpeech, options?.ModelId, options?.AdditionalProperties, true, text.Length), typeof(ITextToSpeechClient));
        return _engine.StreamAsync(
            plan,
            (route, token) => ((ITextToSpeechClient)route.Client).GetStreamingAudioAsync(text, TtsOptionsFor(options, route), token),
            update => update.Contents,
            (update, route) =>
            {
                update.ModelId ??= route.EffectiveModel;
                (update.AdditionalProperties ??= [])[AssistantProviderProperties.Provider] = route.Provider.Id;
            },
            (route, run, cost, last) =>
            {
                last.AdditionalProperties = run.Annotate(last.AdditionalProperties, route, cost);
                return null;
            },
            (last, route, usage) => new AccountingResult { Usage = usage, ResponseModelId = last?.ModelId ?? route.EffectiveModel, Characters = text.Length },
            cancellationToken);
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

    private async IAsyncEnumerable<SpeechToTextResponseUpdate> StreamTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var audio = await RewindableAsync(audioSpeechStream, cancellationToken).ConfigureAwait(false);
        var start = audio.Position;
        var plan = _engine.Plan(Profile(RouteOperations.SpeechToText, options?.ModelId, options?.AdditionalProperties, true), typeof(ISpeechToTextClient));
        var stream = _engine.StreamAsync(
            plan,
            SttCall(audio, start, options, static (client, stream, clone, token) => client.GetStreamingTextAsync(stream, clone, token)),
            update => update.Contents,
            (update, route) =>
            {
                update.ModelId ??= route.EffectiveModel;
                (update.AdditionalProperties ??= [])[AssistantProviderProperties.Provider] = route.Provider.Id;
            },
            (route, run, cost, last) =>
            {
                // The last update was already handed out; its property bag is still the caller's object, so annotate it in place.
                last.AdditionalProperties = run.Annotate(last.AdditionalProperties, route, cost);
                return null;
            },
            (last, route, usage) => new AccountingResult { Usage = usage, ResponseModelId = last?.ModelId ?? route.EffectiveModel },
            cancellationToken);
        await foreach (var update in stream.ConfigureAwait(false))
        {
            yield return update;
        }
    }

    private static TextToSpeechOptions TtsOptionsFor(TextToSpeechOptions? options, RouteCandidate route)
    {
        var clone = options?.Clone() ?? new TextToSpeechOptions();
        clone.ModelId = route.Model;
        return clone;
    }

    private static async Task<Stream> RewindableAsync(Stream audio, CancellationToken cancellationToken)
    {
        if (audio.CanSeek)
        {
            return audio;
        }

        // Failover needs to send the audio again: buffer a forward-only stream once.
        var buffer = new MemoryStream();
        await audio.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return buffer;
    }

    private static RequestProfile Profile(string operation, string? model, AdditionalPropertiesDictionary? properties, bool streaming, long characters = 0) =>
        RequestProfile.From(operation, model, properties, characters / 4, streaming);

    private static Func<RouteCandidate, CancellationToken, T> SttCall<T>(Stream audio, long start, SpeechToTextOptions? options, Func<ISpeechToTextClient, Stream, SpeechToTextOptions, CancellationToken, T> call) =>
        (route, token) =>
        {
            audio.Position = start;
            var clone = options?.Clone() ?? new SpeechToTextOptions();
            clone.ModelId = route.Model;
            return call((ISpeechToTextClient)route.Client, audio, clone, token);
        };
}
