// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssistantProviders.Shared;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Replicate.Internal;

/// <summary>
/// The predictions core every Replicate client uses: create (<c>Prefer: wait</c>, <c>Cancel-After</c>), poll with backoff on the
/// injected clock, cancel when the caller cancels or the total time limit passes, turn failed or canceled predictions into typed
/// errors, and fetch output files and the output stream through <see cref="ReplicateOutputFetcher"/>.
/// </summary>
internal sealed class ReplicatePredictions : IDisposable
{
    private static readonly TimeSpan CancelBudget = TimeSpan.FromSeconds(10);

    public ReplicatePredictions(ReplicateClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        Transport = ReplicateProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider);
        Options = options;
        Output = new ReplicateOutputFetcher(Transport, options, httpClient);
    }

    public ProviderTransport Transport { get; }

    public ReplicateClientOptions Options { get; }

    public ReplicateOutputFetcher Output { get; }

    private ILogger Logger => Transport.Logger;

    private TimeProvider Time => Transport.TimeProvider;

    public static bool IsTerminal(string? status) => status is "succeeded" or "failed" or "canceled" or "aborted";

    /// <summary>Creates a prediction and waits for its end; returns it when it succeeded, throws a typed error otherwise.</summary>
    public async Task<ReplicatePredictionDto> RunAsync(string model, JsonObject input, ReplicateRunOptions? run, CancellationToken cancellationToken)
    {
        var dto = await RunToEndAsync(model, input, run, cancellationToken).ConfigureAwait(false);
        return dto.Status == "succeeded" ? dto : throw NotSucceeded(dto, model);
    }

    /// <summary>Creates a prediction and waits for a terminal status, whatever it is.</summary>
    public Task<ReplicatePredictionDto> RunToEndAsync(string model, JsonObject input, ReplicateRunOptions? run, CancellationToken cancellationToken) =>
        BoundedAsync(model, run, null, async (state, token) =>
        {
            state.Created = await CreateAsync(model, input, run, token).ConfigureAwait(false);
            return await WaitAsync(state.Created, model, run, token).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Waits for a created prediction's terminal status under the time limit (a cancel is sent when it passes or the caller cancels).</summary>
    public Task<ReplicatePredictionDto> WaitBoundedAsync(ReplicatePredictionDto created, string model, ReplicateRunOptions? run, CancellationToken cancellationToken) =>
        BoundedAsync(model, run, created, (state, token) => WaitAsync(state.Created!, model, run, token), cancellationToken);

    /// <summary>Creates a prediction (<c>POST</c>, with <c>Prefer: wait</c> unless it is off) and returns it as Replicate answered.</summary>
    public async Task<ReplicatePredictionDto> CreateAsync(string model, JsonObject input, ReplicateRunOptions? run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reference = ReplicateModelRef.Parse(model);
        using var request = new HttpRequestMessage(HttpMethod.Post, Transport.Resolve(reference.CreatePath))
        {
            Content = CreateBody(reference, input, run?.Stream == true),
        };
        if (WaitSeconds(run) is { } wait)
        {
            request.Headers.TryAddWithoutValidation("Prefer", "wait=" + wait.ToString(CultureInfo.InvariantCulture));
        }

        var limit = run?.Timeout ?? Options.PredictionTimeout;
        if (Finite(limit) && limit >= TimeSpan.FromSeconds(5))
        {
            request.Headers.TryAddWithoutValidation("Cancel-After", ((long)Math.Ceiling(limit.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s");
        }

        ReplicatePredictionDto dto;
        try
        {
            (dto, _) = await Transport.SendForJsonAsync(request, ReplicateJsonContext.Default.ReplicatePredictionDto, model, cancellationToken).ConfigureAwait(false);
        }
        catch (AssistantProviderException ex) when (ex.Kind == ProviderErrorKind.NotFound)
        {
            throw new AssistantProviderException(
                $"Replicate has no model {(reference.HasVersion ? "version" : "named")} '{model}'" +
                (reference.HasVersion ? "." : " (or it is not an official model: community models need owner/name:version).") + " " + ex.Message,
                ex)
            {
                Kind = ProviderErrorKind.NotFound,
                ErrorCode = "model_not_found",
                StatusCode = ex.StatusCode,
                ProviderId = ReplicateProvider.Id,
                ModelId = model,
                RequestId = ex.RequestId,
            };
        }

        Validate(dto, model);
        Log.Created(Logger, dto.Id!, model, dto.Status!);
        return dto;
    }

    /// <summary>Polls a prediction (<c>GET /v1/predictions/{id}</c>) with backoff until it reaches a terminal status.</summary>
    public async Task<ReplicatePredictionDto> WaitAsync(ReplicatePredictionDto dto, string model, ReplicateRunOptions? run, CancellationToken cancellationToken)
    {
        var delay = Positive(run?.PollInterval ?? Options.PollInterval, TimeSpan.FromMilliseconds(500));
        var max = Positive(Options.MaxPollInterval, TimeSpan.FromSeconds(5));
        var polls = 0;
        while (!IsTerminal(dto.Status))
        {
            await Task.Delay(delay, Time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(max.Ticks, delay.Ticks)));
            dto = await GetAsync(dto.Id!, model, cancellationToken).ConfigureAwait(false);
            polls++;
            Log.Polled(Logger, dto.Id!, polls, dto.Status!);
        }

        return dto;
    }

    public async Task<ReplicatePredictionDto> GetAsync(string id, string? model, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        using var request = new HttpRequestMessage(HttpMethod.Get, Transport.Resolve("v1/predictions/" + Uri.EscapeDataString(id)));
        var (dto, _) = await Transport.SendForJsonAsync(request, ReplicateJsonContext.Default.ReplicatePredictionDto, model, cancellationToken).ConfigureAwait(false);
        Validate(dto, model);
        return dto;
    }

    public async Task<ReplicatePredictionDto> CancelAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        using var request = new HttpRequestMessage(HttpMethod.Post, Transport.Resolve("v1/predictions/" + Uri.EscapeDataString(id) + "/cancel"));
        var (dto, _) = await Transport.SendForJsonAsync(request, ReplicateJsonContext.Default.ReplicatePredictionDto, null, cancellationToken).ConfigureAwait(false);
        return dto;
    }

    /// <summary>Reads the prediction's output stream (<c>urls.stream</c>, SSE): each <c>output</c> event's text, until <c>done</c>.</summary>
    public async IAsyncEnumerable<string> StreamAsync(ReplicatePredictionDto dto, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (dto.Urls?.Stream is not { Length: > 0 } streamUrl || !Uri.TryCreate(streamUrl, UriKind.Absolute, out var uri))
        {
            throw ReplicateErrors.BadInput("stream_unsupported", $"the model {model} does not stream its output (the prediction has no urls.stream).", model);
        }

        var limit = Options.MaxStreamDuration;
        using var deadline = Finite(limit) ? new CancellationTokenSource(limit, Time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var completed = false;
        try
        {
            await foreach (var text in Output.StreamAsync(uri, model, linked.Token).ConfigureAwait(false))
            {
                yield return text;
            }

            completed = true;
        }
        finally
        {
            if (!completed && linked.IsCancellationRequested && dto.Id is { } id)
            {
                await CancelQuietlyAsync(id, cancellationToken.IsCancellationRequested ? "caller canceled" : "stream time limit").ConfigureAwait(false);
            }
        }
    }

    private async Task<ReplicatePredictionDto> BoundedAsync(
        string model, ReplicateRunOptions? run, ReplicatePredictionDto? created, Func<RunState, CancellationToken, Task<ReplicatePredictionDto>> work, CancellationToken cancellationToken)
    {
        var limit = run?.Timeout ?? Options.PredictionTimeout;
        using var deadline = Finite(limit) ? new CancellationTokenSource(limit, Time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var state = new RunState { Created = created };
        try
        {
            return await work(state, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (linked.IsCancellationRequested)
        {
            var id = state.Created?.Id;
            if (id is not null)
            {
                await CancelQuietlyAsync(id, cancellationToken.IsCancellationRequested ? "caller canceled" : "time limit").ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            throw new ProviderTimeoutException(
                $"Replicate prediction {id ?? "(not created yet)"} of {model} did not finish within {limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (PredictionTimeout)" +
                (id is null ? "; Replicate stops it itself through Cancel-After." : "; a cancel was sent."),
                ex)
            {
                ProviderId = ReplicateProvider.Id,
                ModelId = model,
                RequestId = id,
                IsTransient = true,
                MayHaveBeenBilled = id is not null,
            };
        }
    }

    public AssistantProviderException NotSucceeded(ReplicatePredictionDto dto, string model) =>
        ReplicateErrors.NotSucceeded(dto.Id!, dto.Model ?? model, dto.Status ?? "failed", ErrorText(dto.Error), dto.Logs, Transport.Redact);

    public void Dispose()
    {
        Output.Dispose();
        Transport.Dispose();
    }

    private static string? ErrorText(JsonElement error) => error.ValueKind switch
    {
        JsonValueKind.String => error.GetString(),
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        _ => error.GetRawText(),
    };

    private static bool Finite(TimeSpan limit) => limit > TimeSpan.Zero && limit != Timeout.InfiniteTimeSpan;

    private static TimeSpan Positive(TimeSpan value, TimeSpan fallback) => value > TimeSpan.Zero ? value : fallback;

    private static ByteArrayContent CreateBody(ReplicateModelRef reference, JsonObject input, bool stream)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (reference.HasVersion)
            {
                writer.WriteString("version", reference.Version);
            }

            writer.WritePropertyName("input");
            input.WriteTo(writer);
            if (stream)
            {
                writer.WriteBoolean("stream", true);
            }

            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private int? WaitSeconds(ReplicateRunOptions? run)
    {
        var wait = run?.Wait ?? Options.Wait;
        if (wait <= TimeSpan.Zero)
        {
            return null;
        }

        var seconds = Math.Min(60, (int)Math.Ceiling(wait.TotalSeconds));
        if (Finite(Options.Timeout))
        {
            // The create request must come back before the transport's own time limit, with a margin.
            seconds = Math.Min(seconds, (int)Math.Floor(Options.Timeout.TotalSeconds) - 5);
        }

        return seconds >= 1 ? seconds : null;
    }

    private void Validate(ReplicatePredictionDto dto, string? model)
    {
        if (string.IsNullOrWhiteSpace(dto.Id) || string.IsNullOrWhiteSpace(dto.Status))
        {
            throw Transport.InvalidResponse(model, "the prediction has no id or status", null);
        }
    }

    private async Task CancelQuietlyAsync(string id, string reason)
    {
        using var budget = new CancellationTokenSource(CancelBudget, Time);
        try
        {
            await CancelAsync(id, budget.Token).ConfigureAwait(false);
            Log.CancelSent(Logger, id, reason);
        }
        catch (Exception ex) when (ex is AssistantProviderException or OperationCanceledException or HttpRequestException)
        {
            Log.CancelFailed(Logger, id, ex is AssistantProviderException typed ? typed.Kind.ToString() : ex.GetType().Name);
        }
    }

    /// <summary>The prediction of a bounded run, once created (so a cancel can name it).</summary>
    private sealed class RunState
    {
        public ReplicatePredictionDto? Created { get; set; }
    }
}
