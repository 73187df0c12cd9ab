// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>
/// The pre-recorded flow: check the audio, upload it (streamed), create the transcript, poll it with backoff on the transport's
/// clock until <c>completed</c> or <c>error</c>, bounded by <see cref="AssemblyAIClientOptions.TranscriptionTimeout"/>. One key
/// serves the whole flow (an upload is visible only to keys of the same project). On cancellation or timeout the transcript is
/// deleted, best effort.
/// </summary>
internal sealed class AssemblyAITranscriber
{
    private const double BackoffFactor = 1.5;
    private static readonly TimeSpan DeleteTimeout = TimeSpan.FromSeconds(5);
    private readonly ProviderTransport _transport;
    private readonly AssemblyAIClientOptions _options;
    private readonly ILogger _logger;

    public AssemblyAITranscriber(ProviderTransport transport, AssemblyAIClientOptions options)
    {
        _transport = transport;
        _options = options;
        _logger = transport.Logger;
    }

    public async Task<SpeechToTextResponse> TranscribeAsync(Stream audio, SpeechToTextOptions? options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var model = _transport.ResolveModel(options?.ModelId);
        var time = _transport.TimeProvider;
        var started = time.GetTimestamp();
        var key = ApiKeyPool.For(_options)?.Next(time.GetUtcNow()) ?? _transport.Key;

        var audioUrl = AssemblyAIMapper.Str(options, AssemblyAIPropertyNames.AudioUrl);
        if (audioUrl is null)
        {
            audioUrl = await UploadAsync(audio, options, model, key, cancellationToken).ConfigureAwait(false);
        }
        else if (!Uri.TryCreate(audioUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw AssemblyAIErrors.BadInput("invalid_audio_url", "the audio URL must be an absolute http(s) URL.", model);
        }

        var body = AssemblyAIMapper.ToRequest(audioUrl, model, options);
        var create = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve("v2/transcript"))
        {
            Content = ProviderTransport.JsonContent(body, AssemblyAIJsonContext.Default.AssemblyAITranscriptRequest),
        };
        var transcript = await SendForTranscriptAsync(create, key, model, cancellationToken).ConfigureAwait(false);
        var id = transcript.Id is { Length: > 0 } created
            ? created
            : throw _transport.InvalidResponse(model, "the created transcript has no id", null);
        Log.TranscriptCreated(_logger, id, transcript.Status, model);

        var delay = _options.PollInterval > TimeSpan.Zero ? _options.PollInterval : TimeSpan.FromSeconds(1);
        var maxDelay = _options.MaxPollInterval >= delay ? _options.MaxPollInterval : delay;
        var polls = 0;
        try
        {
            while (true)
            {
                switch (transcript.Status)
                {
                    case "completed":
                        Log.TranscriptFinished(_logger, id, transcript.Status, polls);
                        return AssemblyAIMapper.ToResponse(transcript, model);
                    case "error":
                        Log.TranscriptFinished(_logger, id, transcript.Status, polls);
                        throw AssemblyAIErrors.TranscriptFailed(id, transcript.Error, model, key);
                    case "queued" or "processing":
                        break;
                    default:
                        throw _transport.InvalidResponse(model, $"transcript {id} has an unknown status", null);
                }

                var remaining = _options.TranscriptionTimeout - time.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero)
                {
                    throw _transport.TimeoutError(model, _options.TranscriptionTimeout, null);
                }

                var wait = delay < remaining ? delay : remaining;
                Log.Polled(_logger, id, transcript.Status, wait);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(maxDelay.Ticks, (long)(delay.Ticks * BackoffFactor)));
                polls++;
                var poll = new HttpRequestMessage(HttpMethod.Get, _transport.Resolve("v2/transcript/" + Uri.EscapeDataString(id)));
                transcript = await SendForTranscriptAsync(poll, key, model, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await AbandonAsync(id, key, model, "cancelled").ConfigureAwait(false);
            throw;
        }
        catch (ProviderTimeoutException)
        {
            await AbandonAsync(id, key, model, "timed out").ConfigureAwait(false);
            throw;
        }
    }

    private async Task<string> UploadAsync(Stream audio, SpeechToTextOptions? options, string model, ApiKey? key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var limit = _options.MaxUploadBytes is > 0 and <= AssemblyAIProvider.UploadLimitBytes ? _options.MaxUploadBytes : AssemblyAIProvider.UploadLimitBytes;
        if (audio.CanSeek && audio.Length - audio.Position > limit)
        {
            throw AssemblyAIErrors.TooLarge(limit, model);
        }

        var head = await AudioHead.ReadAsync(audio, cancellationToken).ConfigureAwait(false);
        if (head.Length == 0)
        {
            throw AssemblyAIErrors.EmptyAudio(model);
        }

        if (head.Container is null && AssemblyAIMapper.Bool(options, AssemblyAIPropertyNames.SkipFormatCheck) != true)
        {
            throw AssemblyAIErrors.UnsupportedFormat(model);
        }

        var content = new AudioUploadContent(head, audio, limit);
        var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve("v2/upload")) { Content = content };
        AssemblyAIUploadedFile uploaded;
        try
        {
            // Sent with the flow's key directly: key rotation would buffer the whole body to resend it.
            using var response = await _transport.SendWithKeyAsync(request, key, model, streaming: false, cancellationToken).ConfigureAwait(false);
            uploaded = await _transport.ReadJsonAsync(response, AssemblyAIJsonContext.Default.AssemblyAIUploadedFile, model, cancellationToken).ConfigureAwait(false);
        }
        catch (AssistantProviderException) when (content.LimitExceeded)
        {
            throw AssemblyAIErrors.TooLarge(limit, model);
        }

        Log.Uploaded(_logger, content.BytesSent);
        return uploaded.UploadUrl is { Length: > 0 } url ? url : throw _transport.InvalidResponse(model, "the upload answer has no upload_url", null);
    }

    private async Task<AssemblyAITranscript> SendForTranscriptAsync(HttpRequestMessage request, ApiKey? key, string model, CancellationToken cancellationToken)
    {
        using var response = await _transport.SendWithKeyAsync(request, key, model, streaming: false, cancellationToken).ConfigureAwait(false);
        return await _transport.ReadJsonAsync(response, AssemblyAIJsonContext.Default.AssemblyAITranscript, model, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes an abandoned transcript (best effort, bounded): the server would otherwise finish and bill it.</summary>
    private async Task AbandonAsync(string id, ApiKey? key, string model, string reason)
    {
        if (!_options.DeleteTranscriptOnCancel)
        {
            Log.TranscriptAbandoned(_logger, id, reason, deleted: false);
            return;
        }

        var deleted = false;
        using var bound = new CancellationTokenSource(DeleteTimeout, _transport.TimeProvider);
        try
        {
            var request = new HttpRequestMessage(HttpMethod.Delete, _transport.Resolve("v2/transcript/" + Uri.EscapeDataString(id)));
            using var response = await _transport.SendWithKeyAsync(request, key, model, streaming: false, bound.Token).ConfigureAwait(false);
            deleted = true;
        }
        catch (Exception ex) when (ex is AssistantProviderException or OperationCanceledException)
        {
            // Best effort: AssemblyAI may refuse to delete a transcript that is still processing.
        }

        Log.TranscriptAbandoned(_logger, id, reason, deleted);
    }
}
