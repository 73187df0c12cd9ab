// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using AssistantProviders.Replicate.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Replicate;

/// <summary>
/// Replicate language models (Llama, Mistral, Granite...) as an <see cref="IChatClient"/>. The conversation becomes the model's
/// <c>prompt</c> and <c>system_prompt</c> (a multi-turn conversation is one <c>User:</c>/<c>Assistant:</c> transcript);
/// <see cref="GetResponseAsync"/> runs a prediction to its end, <see cref="GetStreamingResponseAsync"/> creates it without waiting
/// and reads its <c>urls.stream</c> server-sent events, then fetches the final prediction for usage. Token counts come from
/// <c>metrics</c>, compute time in <c>Usage.AdditionalCounts[AssistantProviderProperties.ComputeMilliseconds]</c>. Tool calling is not
/// supported (<see cref="NotSupportedException"/>). Default model <c>meta/meta-llama-3-8b-instruct</c>.
/// </summary>
public sealed class ReplicateChatClient : IChatClient
{
    private readonly ReplicatePredictions _predictions;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Initializes a new instance of the <see cref="ReplicateChatClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default chat model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public ReplicateChatClient(ReplicateClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal ReplicateChatClient(ReplicateClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        _predictions = new ReplicatePredictions(options, httpClient, logger, timeProvider);
        _metadata = new ChatClientMetadata(ReplicateProvider.Id, _predictions.Transport.Endpoint, DefaultModel);
    }

    private string DefaultModel => _predictions.Options.DefaultChatModel is { Length: > 0 } m ? m : ReplicateProvider.DefaultChatModel;

    /// <inheritdoc/>
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var model = options?.ModelId is { Length: > 0 } requested ? requested : DefaultModel;
        var input = ReplicateChatMapper.Input(messages, options, model);
        var dto = await _predictions.RunAsync(model, input, RunOptions(options), cancellationToken).ConfigureAwait(false);
        var text = ReplicateOutputs.Text(dto.Output) ?? throw _predictions.Transport.InvalidResponse(model, $"prediction {dto.Id} has no text output", null);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = dto.Model ?? model,
            ResponseId = dto.Id,
            CreatedAt = dto.CreatedAt,
            FinishReason = ChatFinishReason.Stop,
            Usage = ReplicateChatMapper.Usage(dto),
            AdditionalProperties = ReplicateChatMapper.Properties(dto),
            RawRepresentation = ReplicatePrediction.From(dto),
        };
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var model = options?.ModelId is { Length: > 0 } requested ? requested : DefaultModel;
        var input = ReplicateChatMapper.Input(messages, options, model);
        var run = RunOptions(options) ?? new ReplicateRunOptions();
        run.Wait = TimeSpan.Zero;
        run.Stream = true;
        var dto = await _predictions.CreateAsync(model, input, run, cancellationToken).ConfigureAwait(false);
        var servedBy = dto.Model ?? model;
        await foreach (var text in _predictions.StreamAsync(dto, model, cancellationToken).ConfigureAwait(false))
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, text) { ModelId = servedBy, ResponseId = dto.Id, MessageId = dto.Id };
        }

        // The stream is done; the prediction's final state has the metrics (and, rarely, a failure after the last token).
        var final = await _predictions.WaitBoundedAsync(dto, model, run, cancellationToken).ConfigureAwait(false);
        if (final.Status != "succeeded")
        {
            throw _predictions.NotSucceeded(final, model);
        }

        var update = new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            ModelId = servedBy,
            ResponseId = dto.Id,
            MessageId = dto.Id,
            FinishReason = ChatFinishReason.Stop,
            AdditionalProperties = ReplicateChatMapper.Properties(final),
        };
        if (ReplicateChatMapper.Usage(final) is { } usage)
        {
            update.Contents.Add(new UsageContent(usage));
        }

        yield return update;
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        ClientServiceLookup.Find(this, serviceType, serviceKey, _metadata, _predictions.Transport.Descriptor);

    /// <inheritdoc/>
    public void Dispose() => _predictions.Dispose();

    private static ReplicateRunOptions? RunOptions(ChatOptions? options) =>
        ReplicateInput.Duration(options?.AdditionalProperties, ReplicatePropertyNames.PredictionTimeout) is { } limit ? new ReplicateRunOptions { Timeout = limit } : null;
}
