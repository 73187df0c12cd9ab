// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>
/// One routed transcription (<see cref="SpeechRouter.GetTextAsync"/>). The audio is made rewindable once before planning,
/// so failover can send it again from where the caller's stream stood.
/// </summary>
internal sealed class SpeechToTextOperation : RouteOperation<ISpeechToTextClient, SpeechToTextResponse>
{
    private readonly SpeechToTextOptions? _options;
    private Stream _audio;
    private long _start;
    private double? _estimatedMinutes;

    public SpeechToTextOperation(Stream audio, SpeechToTextOptions? options)
    {
        _audio = audio;
        _options = options;
    }

    /// <inheritdoc/>
    public override async ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        _audio = await RewindableAsync(_audio, cancellationToken).ConfigureAwait(false);
        _start = _audio.Position;
        _estimatedMinutes = AudioDuration.EstimateMinutes(_audio);
    }

    /// <inheritdoc/>
    public override RequestProfile CreateProfile(RouteEngine engine) =>
        RequestProfile.From(RouteOperations.SpeechToText, _options?.ModelId, _options?.AdditionalProperties, 0, streaming: false, audioMinutes: _estimatedMinutes);

    /// <inheritdoc/>
    public override Task<SpeechToTextResponse> InvokeAsync(RouteCandidate route, CancellationToken cancellationToken)
    {
        _audio.Position = _start;
        return ClientOf(route).GetTextAsync(_audio, OptionsFor(_options, route), cancellationToken);
    }

    /// <inheritdoc/>
    public override AccountingResult Describe(SpeechToTextResponse response, RouteCandidate route) => new()
    {
        Usage = response.Usage,
        ResponseModelId = response.ModelId ?? route.EffectiveModel,
        AudioMinutes = response.EndTime is { } end ? (end - (response.StartTime ?? TimeSpan.Zero)).TotalMinutes : _estimatedMinutes,
    };

    /// <inheritdoc/>
    public override void Annotate(SpeechToTextResponse response, RouteCandidate route, RequestRun run, CostDetails? cost)
    {
        response.ModelId ??= route.EffectiveModel;
        response.AdditionalProperties = run.Annotate(response.AdditionalProperties, route, cost);
    }

    /// <summary>Returns a seekable stream over the audio: the caller's when it can seek, else a buffered copy (read once).</summary>
    internal static async Task<Stream> RewindableAsync(Stream audio, CancellationToken cancellationToken)
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

    /// <summary>Clones the caller's options for one route, with the route's model.</summary>
    internal static SpeechToTextOptions OptionsFor(SpeechToTextOptions? options, RouteCandidate route)
    {
        var clone = options?.Clone() ?? new SpeechToTextOptions();
        clone.ModelId = route.Model;
        return clone;
    }
}
