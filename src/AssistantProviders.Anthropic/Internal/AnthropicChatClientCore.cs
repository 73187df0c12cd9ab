// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using System.Text.Json;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Anthropic.Internal;

/// <summary>The Anthropic <c>/v1/messages</c> client: JSON answers and SSE streams that end with <c>message_stop</c>.</summary>
internal sealed class AnthropicChatClientCore : IChatClient, IModelDiscovery
{
    private const int MaxModelPages = 20;
    private readonly ProviderTransport _transport;
    private readonly AnthropicClientOptions _options;
    private readonly ChatClientMetadata _metadata;

    public AnthropicChatClientCore(ProviderTransport transport, AnthropicClientOptions options)
    {
        _transport = transport;
        _options = options;
        _metadata = new ChatClientMetadata(transport.Descriptor.Id, transport.Endpoint, options.DefaultModel ?? transport.Descriptor.DefaultModel);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var model = _transport.ResolveModel(options?.ModelId);
        using var request = CreateMessagesRequest(messages, options, model, stream: false);
        Log.Sending(_transport.Logger, model, stream: false);
        var (wire, rateLimits) = await _transport.SendForJsonAsync(request, AnthropicJsonContext.Default.AnthropicMessageResponse, model, cancellationToken).ConfigureAwait(false);
        if (wire.Content is null)
        {
            throw _transport.InvalidResponse(model, "the message had no content", null);
        }

        var response = AnthropicMapper.FromResponse(wire, _transport.Descriptor.Id);
        response.ModelId ??= model;
        if (rateLimits is not null)
        {
            response.AdditionalProperties![ProviderRateLimits.Key] = rateLimits;
        }

        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var model = _transport.ResolveModel(options?.ModelId);
        var request = CreateMessagesRequest(messages, options, model, stream: true);
        request.Headers.Accept.ParseAdd("text/event-stream");
        Log.Sending(_transport.Logger, model, stream: true);

        using var response = await _transport.SendAsync(request, model, streaming: true, cancellationToken).ConfigureAwait(false);
        var state = new AnthropicStreamState { ModelId = model };
        var rateLimits = response.RateLimits;
        await foreach (var item in ProviderSseStream.ReadAsync(_transport, response, model, () => state.Events, cancellationToken).ConfigureAwait(false))
        {
            if (string.IsNullOrWhiteSpace(item.Data))
            {
                continue;
            }

            var evt = StreamJson.Parse(_transport, item.Data, AnthropicJsonContext.Default.AnthropicStreamEvent, model, $"stream event {state.Events + 1}");
            if (evt is null)
            {
                continue;
            }

            state.Events++;
            if (item.EventType == "error" || evt.Type == "error")
            {
                throw StreamError(item.Data, model, state.ExposedContent);
            }

            if (evt.Type == "message_stop")
            {
                state.SawStop = true;
                yield break;
            }

            var update = AnthropicMapper.FromEvent(evt, state, _transport.Descriptor.Id);
            if (update is not null)
            {
                if (rateLimits is not null)
                {
                    // Reported once, on the first update.
                    update.AdditionalProperties![ProviderRateLimits.Key] = rateLimits;
                    rateLimits = null;
                }

                yield return update;
            }
        }

        SharedLog.StreamIncomplete(_transport.Logger, _transport.Descriptor.Id, state.Events);
        throw _transport.Incomplete(model, state.Events == 0 ? "no data was received" : $"it stopped after {state.Events} events without message_stop", billed: state.ExposedContent);
    }

    public async Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<ModelDescriptor>();
        string? after = null;
        for (var page = 0; page < MaxModelPages; page++)
        {
            var path = AnthropicProvider.ModelsPath + "?limit=1000" + (after is null ? string.Empty : "&after_id=" + Uri.EscapeDataString(after));
            using var request = new HttpRequestMessage(HttpMethod.Get, _transport.Resolve(path));
            AddHeaders(request);
            var (list, _) = await _transport.SendForJsonAsync(request, AnthropicJsonContext.Default.AnthropicModelList, null, cancellationToken).ConfigureAwait(false);
            result.AddRange(AnthropicMapper.ToModels(list, _transport.Descriptor));
            if (list.HasMore != true || string.IsNullOrEmpty(list.LastId) || list.LastId == after)
            {
                break;
            }

            after = list.LastId;
        }

        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        ClientServiceLookup.Find(this, serviceType, serviceKey, _metadata, _transport.Descriptor);

    public void Dispose() => _transport.Dispose();

    private HttpRequestMessage CreateMessagesRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, bool stream)
    {
        var body = AnthropicMapper.ToRequest(messages, options, model, _options.DefaultMaxTokens, stream);
        var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve(AnthropicProvider.MessagesPath))
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
        AssistantProviderException ex;
        try
        {
            using var doc = JsonDocument.Parse(data);
            ex = ProviderErrorMapper.FromPayload(_transport.Descriptor, doc.RootElement, model, _transport.Key);
        }
        catch (JsonException)
        {
            ex = ProviderErrorMapper.FromMessage(_transport.Descriptor, data, null, model, _transport.Key);
        }

        Log.StreamError(_transport.Logger, ex.ErrorCode, exposed);
        return ex;
    }
}
