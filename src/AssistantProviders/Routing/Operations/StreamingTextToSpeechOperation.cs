// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>One routed streaming speech synthesis (<see cref="SpeechRouter.GetStreamingAudioAsync"/>); the last update is annotated in place.</summary>
internal sealed class StreamingTextToSpeechOperation : StreamingRouteOperation<ITextToSpeechClient, TextToSpeechResponseUpdate>
{
    private readonly string _text;
    private readonly TextToSpeechOptions? _options;

    public StreamingTextToSpeechOperation(string text, TextToSpeechOptions? options)
    {
        _text = text;
        _options = options;
    }

    /// <inheritdoc/>
    public override RequestProfile CreateProfile(RouteEngine engine) =>
        RequestProfile.From(RouteOperations.TextToSpeech, _options?.ModelId, _options?.AdditionalProperties, _text.Length / 4, streaming: true, characters: _text.Length);

    /// <inheritdoc/>
    public override IAsyncEnumerable<TextToSpeechResponseUpdate> Open(RouteCandidate route, CancellationToken cancellationToken) =>
        ClientOf(route).GetStreamingAudioAsync(_text, TextToSpeechOperation.OptionsFor(_options, route), cancellationToken);

    /// <inheritdoc/>
    public override IEnumerable<AIContent>? ContentsOf(TextToSpeechResponseUpdate update) => update.Contents;

    /// <inheritdoc/>
    public override void AnnotateEach(TextToSpeechResponseUpdate update, RouteCandidate route)
    {
        update.ModelId ??= route.EffectiveModel;
        (update.AdditionalProperties ??= [])[AssistantProviderProperties.Provider] = route.Provider.Id;
    }

    /// <inheritdoc/>
    public override AccountingResult Describe(TextToSpeechResponseUpdate? last, RouteCandidate route, UsageDetails? usage) =>
        new() { Usage = usage, ResponseModelId = last?.ModelId ?? route.EffectiveModel, Characters = _text.Length };

    /// <inheritdoc/>
    public override TextToSpeechResponseUpdate? Annotate(TextToSpeechResponseUpdate last, RouteCandidate route, RequestRun run, CostDetails? cost)
    {
        // The last update was already handed out; annotate it in place.
        last.AdditionalProperties = run.Annotate(last.AdditionalProperties, route, cost);
        return null;
    }
}
