// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>
/// One routed streaming transcription (<see cref="SpeechRouter.GetStreamingTextAsync"/>). The audio is made rewindable
/// once when enumeration starts; the last update is annotated in place.
/// </summary>
internal sealed class StreamingSpeechToTextOperation : StreamingRouteOperation<ISpeechToTextClient, SpeechToTextResponseUpdate>
{
    private readonly SpeechToTextOptions? _options;
    private Stream _audio;
    private long _start;

    public StreamingSpeechToTextOperation(Stream audio, SpeechToTextOptions? options)
    {
        _audio = audio;
        _options = options;
    }

    /// <inheritdoc/>
    public override async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        _audio = await SpeechToTextOperation.RewindableAsync(_audio, cancellationToken).ConfigureAwait(false);
        _start = _audio.Position;
    }

    /// <inheritdoc/>
    public override RequestProfile CreateProfile(RouteEngine engine) =>
        RequestProfile.From(RouteOperations.SpeechToText, _options?.ModelId, _options?.AdditionalProperties, 0, streaming: true);

    /// <inheritdoc/>
    public override IAsyncEnumerable<SpeechToTextResponseUpdate> Open(RouteCandidate route, CancellationToken cancellationToken)
    {
        _audio.Position = _start;
        return ClientOf(route).GetStreamingTextAsync(_audio, SpeechToTextOperation.OptionsFor(_options, route), cancellationToken);
    }

    /// <inheritdoc/>
    public override IEnumerable<AIContent>? ContentsOf(SpeechToTextResponseUpdate update) => update.Contents;

    /// <inheritdoc/>
    public override void AnnotateEach(SpeechToTextResponseUpdate update, RouteCandidate route)
    {
        update.ModelId ??= route.EffectiveModel;
        (update.AdditionalProperties ??= [])[AssistantProviderProperties.Provider] = route.Provider.Id;
    }

    /// <inheritdoc/>
    public override AccountingResult Describe(SpeechToTextResponseUpdate? last, RouteCandidate route, UsageDetails? usage) =>
        new() { Usage = usage, ResponseModelId = last?.ModelId ?? route.EffectiveModel };

    /// <inheritdoc/>
    public override SpeechToTextResponseUpdate? Annotate(SpeechToTextResponseUpdate last, RouteCandidate route, RequestRun run, CostDetails? cost)
    {
        // The last update was already handed out; its property bag is still the caller's object, so annotate it in place.
        last.AdditionalProperties = run.Annotate(last.AdditionalProperties, route, cost);
        return null;
    }
}
