// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Anthropic.Internal;

/// <summary>The Anthropic <c>/v1/messages</c> client: JSON answers and SSE streams that end with <c>message_stop</c>.</summary>
internal sealed class AnthropicChatClientCore : ProviderChatClientCore
{
    private const int MaxModelPages = 20;
    private readonly AnthropicClientOptions _options;

    public AnthropicChatClientCore(ProviderTransport transport, AnthropicClientOptions options)
        : base(transport)
    {
        _options = options;
    }

    protected override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, CancellationToken cancellationToken)
    {
        using var request = CreateMessagesRequest(messages, options, model, stream: false);
        Log.Sending(Transport.Logger, model, stream: false);
        var (wire, rateLimits) = await Transport.SendForJsonAsync(request, AnthropicJsonContext.Default.AnthropicMessageResponse, model, cancellationToken).ConfigureAwait(false);
        if (wire.Content is null)
        {
            throw Transport.InvalidResponse(model, "the message had no content", null);
        }

        var response = AnthropicMapper.FromResponse(wire, Transport.Descriptor.Id);
        response.ModelId ??= model;
        RateLimitAttachment.Attach(response, rateLimits);
        return response;
    }

    protected override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = CreateMessagesRequest(messages, options, model, stream: true);
        Log.Sending(Transport.Logger, model, stream: true);

        using var response = await SendStreamingAsync(request, model, "text/event-stream", cancellationToken).ConfigureAwait(false);
        var state = new AnthropicStreamState { ModelId = model };
        var rateLimits = new StreamRateLimits(response.RateLimits);
        // Each event is parsed from its UTF-8 bytes as it arrives (no string in between); an error event keeps its text for
        // the error mapping. Blank events are skipped.
        SseItemParser<(AnthropicStreamEvent? Event, string? ErrorText)> parse = (eventType, bytes) =>
        {
            var parsed = StreamJson.ParseEvent(Transport, bytes, AnthropicJsonContext.Default.AnthropicStreamEvent, model, $"stream event {state.Events + 1}", doneMarker: false);
            return (parsed, parsed is not null && (eventType == "error" || parsed.Type == "error") ? System.Text.Encoding.UTF8.GetString(bytes) : null);
        };
        await foreach (var item in ProviderSseStream.ReadAsync(Transport, response, model, () => state.Events, parse, cancellationToken).ConfigureAwait(false))
        {
            var (evt, errorText) = item.Data;
            if (evt is null)
            {
                continue;
            }

            state.Events++;
            if (errorText is not null)
            {
                throw StreamError(errorText, model, state.ExposedContent);
            }

            if (evt.Type == "message_stop")
            {
                state.SawStop = true;
                yield break;
            }

            var update = AnthropicMapper.FromEvent(evt, state, Transport.Descriptor.Id);
            if (update is not null)
            {
                rateLimits.AttachOnce(update);
                yield return update;
            }
        }

        throw Transport.IncompleteStream(model, state.Events, "events", "message_stop", state.ExposedContent);
    }

    public override Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        PagedModelList.ListAsync(
            Transport,
            AnthropicProvider.ModelsPath + "?limit=1000",
            "after_id",
            MaxModelPages,
            AnthropicJsonContext.Default.AnthropicModelList,
            (list, _) => AnthropicMapper.ToModels(list, Transport.Descriptor),
            list => list.HasMore == true ? list.LastId : null,
            AddHeaders,
            cancellationToken);

    private HttpRequestMessage CreateMessagesRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, bool stream)
    {
        var body = AnthropicMapper.ToRequest(messages, options, model, _options.DefaultMaxTokens, stream);
        var request = new HttpRequestMessage(HttpMethod.Post, Transport.Resolve(AnthropicProvider.MessagesPath))
        {
            Content = ProviderTransport.JsonContent(body, AnthropicJsonContext.Default.AnthropicMessagesRequest),
        };
        AddHeaders(request);
        return request;
    }

    private void AddHeaders(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("anthropic-version", string.IsNullOrWhiteSpace(_options.ApiVersion) ? AnthropicProvider.ApiVersion : _options.ApiVersion);
        if (!string.IsNullOrWhiteSpace(_options.Beta))
        {
            request.Headers.TryAddWithoutValidation("anthropic-beta", _options.Beta);
        }
    }

    private AssistantProviderException StreamError(string data, string model, bool exposed)
    {
        var ex = ProviderErrorMapper.FromEventData(Transport.Descriptor, data, model, Transport.Key, unwrapError: false);
        Log.StreamError(Transport.Logger, ex.ErrorCode, exposed);
        return ex;
    }
}
