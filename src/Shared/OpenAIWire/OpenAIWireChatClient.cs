// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>
/// The OpenAI-wire chat client every OpenAI-compatible vendor wraps (OpenAI, Groq, LM Studio, Perplexity, Mistral, Together,
/// Fireworks, Hugging Face, MLX). Vendor differences live in the <see cref="OpenAIWireProfile"/>.
/// </summary>
internal sealed class OpenAIWireChatClient(ProviderTransport transport, OpenAIWireProfile profile) : ProviderChatClientCore(transport)
{
    private readonly OpenAIWireProfile _profile = profile;

    protected override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, CancellationToken cancellationToken)
    {
        var body = OpenAIWireMapper.ToRequest(messages, options, model, _profile, stream: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, Transport.Resolve(_profile.ChatPath))
        {
            Content = ProviderTransport.JsonContent(body, OpenAIWireJsonContext.Default.WireChatRequest),
        };
        var (wire, rateLimits) = await Transport.SendForJsonAsync(request, OpenAIWireJsonContext.Default.WireChatResponse, model, cancellationToken).ConfigureAwait(false);
        ThrowIfError(wire, model);
        if (wire.Choices is null or { Count: 0 })
        {
            throw Transport.InvalidResponse(model, "the completion had no choices", null);
        }

        var response = OpenAIWireMapper.FromResponse(wire, Transport.Descriptor.Id);
        response.ModelId ??= model;
        RateLimitAttachment.Attach(response, rateLimits);
        _profile.OnResponse(wire, response);
        return response;
    }

    protected override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = OpenAIWireMapper.ToRequest(messages, options, model, _profile, stream: true);
        var request = new HttpRequestMessage(HttpMethod.Post, Transport.Resolve(_profile.ChatPath))
        {
            Content = ProviderTransport.JsonContent(body, OpenAIWireJsonContext.Default.WireChatRequest),
        };

        using var response = await SendStreamingAsync(request, model, "text/event-stream", cancellationToken).ConfigureAwait(false);
        var state = new OpenAIWireStreamState();
        var rateLimits = new StreamRateLimits(response.RateLimits);
        SseItemParser<WireEvent> parse = (eventType, bytes) =>
        {
            var trimmed = bytes.Trim(" \t\r\n"u8);
            if (trimmed.SequenceEqual("[DONE]"u8))
            {
                return new WireEvent(null, null, Done: true);
            }

            if (trimmed.IsEmpty)
            {
                return default;
            }

            if (eventType == "error")
            {
                return new WireEvent(null, System.Text.Encoding.UTF8.GetString(bytes), Done: false);
            }

            try
            {
                return new WireEvent(JsonSerializer.Deserialize(bytes, OpenAIWireJsonContext.Default.WireChatResponse), null, Done: false);
            }
            catch (JsonException ex)
            {
                throw Transport.InvalidResponse(model, $"stream chunk {state.Chunks + 1} was not valid JSON", ex);
            }
        };
        await foreach (var item in ProviderSseStream.ReadAsync(Transport, response, model, () => state.Chunks, parse, cancellationToken).ConfigureAwait(false))
        {
            var wireEvent = item.Data;
            if (wireEvent.Done)
            {
                state.SawDone = true;
                break;
            }

            if (wireEvent.ErrorText is { } errorText)
            {
                throw ProviderErrorMapper.FromEventData(Transport.Descriptor, errorText, model, Transport.Key, unwrapError: true);
            }

            if (wireEvent.Chunk is not { } chunk)
            {
                continue;
            }

            ThrowIfError(chunk, model);
            state.Chunks++;
            var update = OpenAIWireMapper.FromChunk(chunk, state, Transport.Descriptor.Id);
            update.ModelId ??= model;
            rateLimits.AttachOnce(update);
            _profile.OnChunk(chunk, update, state);
            yield return update;

            if (!_profile.RequireDoneSentinel && state.FinishReason is not null && state.UsageReported)
            {
                break;
            }
        }

        // A stream that delivered its finish_reason (and the usage it was asked for) is a whole answer even without
        // data: [DONE]: some compatible servers and proxies omit the sentinel. Cut before the finish reason, it is incomplete.
        var usageOwed = body.StreamOptions?.IncludeUsage == true && !state.UsageReported;
        var terminated = state.SawDone || (state.FinishReason is not null && (!_profile.RequireDoneSentinel || !usageOwed));
        if (!terminated)
        {
            throw Transport.IncompleteStream(model, state.Chunks, "chunks", "[DONE]", state.ExposedContent);
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

    public override Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        ModelListReader.ListAsync(Transport, _profile.ModelsPath, _profile.OnModelListed, cancellationToken);

    private void ThrowIfError(WireChatResponse wire, string model)
    {
        if (wire.Extra is { } extra && extra.TryGetValue("error", out var error) && error.ValueKind is JsonValueKind.Object or JsonValueKind.String)
        {
            throw ProviderErrorMapper.FromPayload(Transport.Descriptor, error, model, Transport.Key);
        }
    }

    private readonly record struct WireEvent(WireChatResponse? Chunk, string? ErrorText, bool Done);
}
