// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>One routed speech synthesis (<see cref="SpeechRouter.GetAudioAsync"/>), billed by the characters sent.</summary>
internal sealed class TextToSpeechOperation : RouteOperation<ITextToSpeechClient, TextToSpeechResponse>
{
    private readonly string _text;
    private readonly TextToSpeechOptions? _options;

    public TextToSpeechOperation(string text, TextToSpeechOptions? options)
    {
        _text = text;
        _options = options;
    }

    /// <inheritdoc/>
    public override RequestProfile CreateProfile(RouteEngine engine) =>
        RequestProfile.From(RouteOperations.TextToSpeech, _options?.ModelId, _options?.AdditionalProperties, _text.Length / 4, streaming: false, characters: _text.Length);

    /// <inheritdoc/>
    public override Task<TextToSpeechResponse> InvokeAsync(RouteCandidate route, CancellationToken cancellationToken) =>
        ClientOf(route).GetAudioAsync(_text, OptionsFor(_options, route), cancellationToken);

    /// <inheritdoc/>
    public override AccountingResult Describe(TextToSpeechResponse response, RouteCandidate route) =>
        new() { Usage = response.Usage, ResponseModelId = response.ModelId ?? route.EffectiveModel, Characters = _text.Length };

    /// <inheritdoc/>
    public override void Annotate(TextToSpeechResponse response, RouteCandidate route, RequestRun run, CostDetails? cost)
    {
        response.ModelId ??= route.EffectiveModel;
        response.AdditionalProperties = run.Annotate(response.AdditionalProperties, route, cost);
    }

    /// <summary>Clones the caller's options for one route, with the route's model.</summary>
    internal static TextToSpeechOptions OptionsFor(TextToSpeechOptions? options, RouteCandidate route)
    {
        var clone = options?.Clone() ?? new TextToSpeechOptions();
        clone.ModelId = route.Model;
        return clone;
    }
}
