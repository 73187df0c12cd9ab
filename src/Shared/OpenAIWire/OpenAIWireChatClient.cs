// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>
/// The OpenAI-wire chat client every OpenAI-compatible vendor wraps (OpenAI, Groq, LM Studio, Perplexity, Mistral, Together,
/// Fireworks, Hugging Face, MLX). Vendor differences live in the <see cref="OpenAIWireProfile"/>.
/// </summary>
internal sealed class OpenAIWireChatClient : IChatClient, IModelDiscovery
{
    private readonly ProviderTransport _transport;
    private readonly OpenAIWireProfile _profile;
    private readonly ChatClientMetadata _metadata;

    public OpenAIWireChatClient(ProviderTransport transport, OpenAIWireProfile profile)
    {
        _transport = transport;
        _profile = profile;
        _metadata = new ChatClientMetadata(transport.Descriptor.Id, transport.Endpoint, transport.Options.DefaultModel ?? transport.Descriptor.DefaultModel);
    }

    public ProviderTransport Transport => _transport;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var model = _transport.ResolveModel(options?.ModelId);
        var body = OpenAIWireMapper.ToRequest(messages, options, model, _profile, stream: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve(_profile.ChatPath))
        {
            Content = ProviderTransport.JsonContent(body, OpenAIWireJsonContext.Default.WireChatRequest),
        };
        var (wire, rateLimits) = await _transport.SendForJsonAsync(request, OpenAIWireJsonContext.Default.WireChatResponse, model, cancellationToken).ConfigureAwait(false);
        ThrowIfError(wire, model);
        if (wire.Choices is null or { Count: 0 })
        {
            throw _transport.InvalidResponse(model, "the completion had no choices", null);
        }

        var response = OpenAIWireMapper.FromResponse(wire, _transport.Descriptor.Id);
        response.ModelId ??= model;
        Attach(response.AdditionalProperties!, rateLimits);
        _profile.OnResponse(wire, response);
        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var model = _transport.ResolveModel(options?.ModelId);
        var body = OpenAIWireMapper.ToRequest(messages, options, model, _profile, stream: true);
        var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve(_profile.ChatPath))
        {
            Content = ProviderTransport.JsonContent(body, OpenAIWireJsonContext.Default.WireChatRequest),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await _transport.SendAsync(request, model, streaming: true, cancellationToken).ConfigureAwait(false);
        var state = new OpenAIWireStreamState();
        using var stream = _transport.OpenLimited(await response.Message.Content.ReadAsStreamAsync(response.Token).ConfigureAwait(false));
        var events = SseEventReader.ReadAsync(stream, _transport, model, () => state.Chunks, response.Token);
        var e = events.GetAsyncEnumerator(response.Token);
        try
        {
        var first = true;
        while (true)
        {
            bool moved;
            try
            {
                moved = await e.MoveNextAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && response.TimedOut)
            {
                throw _transport.TimeoutError(model, _transport.Options.MaxStreamDuration, ex);
            }

            if (!moved)
            {
                break;
            }

            var data = e.Current.Data;
            if (data.AsSpan().Trim().SequenceEqual("[DONE]"))
            {
                state.SawDone = true;
                break;
            }

            if (string.IsNullOrWhiteSpace(data))
            {
                continue;
            }

            if (e.Current.EventType == "error")
            {
                throw ErrorFromEventData(data, model);
            }

            WireChatResponse? chunk;
            try
            {
                chunk = JsonSerializer.Deserialize(data, OpenAIWireJsonContext.Default.WireChatResponse);
            }
            catch (JsonException ex)
            {
                throw _transport.InvalidResponse(model, $"stream chunk {state.Chunks + 1} was not valid JSON", ex);
            }

            if (chunk is null)
            {
                continue;
            }

            ThrowIfError(chunk, model);
            state.Chunks++;
            var update = OpenAIWireMapper.FromChunk(chunk, state, _transport.Descriptor.Id);
            update.ModelId ??= model;
            if (first)
            {
                Attach(update.AdditionalProperties!, response.RateLimits);
                first = false;
            }

            _profile.OnChunk(chunk, update, state);
            yield return update;

            if (!_profile.RequireDoneSentinel && state.FinishReason is not null && state.UsageReported)
            {
                break;
            }
        }

        var terminated = state.SawDone || (!_profile.RequireDoneSentinel && state.FinishReason is not null);
        if (!terminated)
        {
            SharedLog.StreamIncomplete(_transport.Logger, _transport.Descriptor.Id, state.Chunks);
            throw _transport.Incomplete(model, state.Chunks == 0 ? "no data was received" : $"it stopped after {state.Chunks} chunks without [DONE]", billed: state.ExposedContent);
        }

        if (state.HasPendingCalls)
        {
            // Some servers end without a finish_reason on the tool-call chunk; still hand the merged calls over.
            var tail = new ChatResponseUpdate { Role = ChatRole.Assistant, ModelId = model, FinishReason = ChatFinishReason.ToolCalls };
            foreach (var call in state.TakeCalls())
            {
                tail.Contents.Add(call);
            }

            yield return tail;
        }
        }
        finally
        {
            await e.DisposeAsync().ConfigureAwait(false);
        }
    }

    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        ModelListReader.ListAsync(_transport, _profile.ModelsPath, _profile.OnModelListed, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return _metadata;
        }

        if (serviceType == typeof(ProviderDescriptor))
        {
            return _transport.Descriptor;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose() => _transport.Dispose();

    private static void Attach(AdditionalPropertiesDictionary properties, ProviderRateLimits? rateLimits)
    {
        if (rateLimits is not null)
        {
            properties[ProviderRateLimits.Key] = rateLimits;
        }
    }

    private void ThrowIfError(WireChatResponse wire, string model)
    {
        if (wire.Extra is { } extra && extra.TryGetValue("error", out var error) && error.ValueKind is JsonValueKind.Object or JsonValueKind.String)
        {
            throw ProviderErrorMapper.FromPayload(_transport.Descriptor, error, model, _transport.Key);
        }
    }

    private AssistantProviderException ErrorFromEventData(string data, string model)
    {
        try
        {
            using var doc = JsonDocument.Parse(data);
            var root = doc.RootElement;
            return ProviderErrorMapper.FromPayload(_transport.Descriptor, root.TryGetProperty("error", out var inner) ? inner : root, model, _transport.Key);
        }
        catch (JsonException)
        {
            return ProviderErrorMapper.FromMessage(_transport.Descriptor, data, null, model, _transport.Key);
        }
    }
}
