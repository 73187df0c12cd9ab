// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>
/// One routed streaming transcription (<see cref="SpeechRouter.GetStreamingTextAsync"/>). The audio is made rewindable
/// once when enumeration starts; the last update is annotated in place.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The live wrapper holds only managed memory (dropped at the first update) and never disposes the caller's audio stream.")]
internal sealed class StreamingSpeechToTextOperation : StreamingRouteOperation<ISpeechToTextClient, SpeechToTextResponseUpdate>
{
    private readonly SpeechToTextOptions? _options;
    private Stream _audio;
    private ReplayableAudioStream? _live;
    private long _start;
    private double? _estimatedMinutes;
    private TimeSpan? _heardUntil;
    private bool _opened;

    public StreamingSpeechToTextOperation(Stream audio, SpeechToTextOptions? options)
    {
        _audio = audio;
        _options = options;
    }

    public override bool CanFailOver => _live is null || _live.CanReplay;

    public override ValueTask PrepareAsync(CancellationToken cancellationToken)
    {
        if (_audio.CanSeek)
        {
            _start = _audio.Position;
            _estimatedMinutes = AudioDuration.EstimateMinutes(_audio);
        }
        else
        {
            // A live source is passed on as it arrives (never buffered whole); only its start is kept for a failover.
            _live = new ReplayableAudioStream(_audio);
            _audio = _live;
        }

        return ValueTask.CompletedTask;
    }

    public override RequestProfile CreateProfile(RouteEngine engine) =>
        RequestProfile.From(RouteOperations.SpeechToText, _options?.ModelId, _options?.AdditionalProperties, 0, streaming: true, audioMinutes: _estimatedMinutes);

    public override IAsyncEnumerable<SpeechToTextResponseUpdate> Open(RouteCandidate route, CancellationToken cancellationToken)
    {
        if (_live is null)
        {
            _audio.Position = _start;
        }
        else if (_opened && !_live.Rewind())
        {
            throw new InvalidOperationException("The live audio cannot be sent to another provider: its start is no longer kept.");
        }

        _opened = true;
        _heardUntil = null;
        return ClientOf(route).GetStreamingTextAsync(_audio, SpeechToTextOperation.OptionsFor(_options, route), cancellationToken);
    }

    public override IEnumerable<AIContent>? ContentsOf(SpeechToTextResponseUpdate update) => update.Contents;

    /// <inheritdoc/>
    public override void AnnotateEach(SpeechToTextResponseUpdate update, RouteCandidate route)
    {
        _live?.StopRecording(); // an update is out: there is no failover after it, so the kept start is not needed
        if (update.EndTime is { } end && (_heardUntil is null || end > _heardUntil))
        {
            _heardUntil = end;
        }

        update.ModelId ??= route.EffectiveModel;
        (update.AdditionalProperties ??= [])[AssistantProviderProperties.Provider] = route.Provider.Id;
    }

    /// <inheritdoc/>
    public override AccountingResult Describe(SpeechToTextResponseUpdate? last, RouteCandidate route, UsageDetails? usage) => new()
    {
        Usage = usage,
        ResponseModelId = last?.ModelId ?? route.EffectiveModel,

        // Billed per audio minute: the latest end time the vendor reported, else the duration estimated before the call.
        AudioMinutes = _heardUntil?.TotalMinutes ?? _estimatedMinutes,
    };

    /// <inheritdoc/>
    public override SpeechToTextResponseUpdate? Annotate(SpeechToTextResponseUpdate last, RouteCandidate route, RequestRun run, CostDetails? cost)
    {
        // The last update was already handed out; its property bag is still the caller's object, so annotate it in place.
        last.AdditionalProperties = run.Annotate(last.AdditionalProperties, route, cost);
        return null;
    }
}
