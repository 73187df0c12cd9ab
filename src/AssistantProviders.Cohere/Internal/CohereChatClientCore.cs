// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Cohere.Internal;

/// <summary>The Cohere <c>v2/chat</c> client (JSON and typed SSE events) behind <see cref="CohereChatClient"/>.</summary>
internal sealed class CohereChatClientCore(ProviderTransport transport) : ProviderChatClientCore(transport)
{
    private const int MaxModelPages = 50;

    protected override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(messages, options, model, stream: false);
        var (wire, rateLimits) = await Transport.SendForJsonAsync(request, CohereJsonContext.Default.CohereChatResponse, model, cancellationToken).ConfigureAwait(false);
        if (CohereMapper.IsFailure(wire.FinishReason))
        {
            throw Failure(model, wire.FinishReason, null);
        }

        if (wire.Message is null)
        {
            throw Transport.InvalidResponse(model, "the answer had no message", null);
        }

        var response = CohereMapper.FromResponse(wire, model);
        RateLimitAttachment.Attach(response, rateLimits);
        return response;
    }

    protected override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = CreateRequest(messages, options, model, stream: true);
        using var response = await SendStreamingAsync(request, model, "text/event-stream", cancellationToken).ConfigureAwait(false);
        var state = new CohereStreamState();
        var rateLimits = new StreamRateLimits(response.RateLimits);
        // Each event is parsed from its UTF-8 bytes as it arrives (no string in between). Cohere's spec declares a trailing
        // [DONE]; message-end is the real terminator, so [DONE] and blank events are skipped.
        // An event without a type, or of type error, keeps its text for the error mapping.
        SseItemParser<(CohereStreamEvent? Event, string? ErrorText)> parse = (_, bytes) =>
        {
            var parsed = StreamJson.ParseEvent(Transport, bytes, CohereJsonContext.Default.CohereStreamEvent, model, $"stream event {state.Events + 1}", doneMarker: true);
            return (parsed, parsed is not null && (parsed.Type is null || parsed.Type == "error") ? System.Text.Encoding.UTF8.GetString(bytes) : null);
        };
        await foreach (var item in ProviderSseStream.ReadAsync(Transport, response, model, () => state.Events, parse, cancellationToken).ConfigureAwait(false))
        {
            var (ev, errorText) = item.Data;
            if (ev is null)
            {
                continue;
            }

            state.Events++;
            if (errorText is not null && TryGetError(errorText, out var error))
            {
                throw ProviderErrorMapper.FromPayload(Transport.Descriptor, error, model, Transport.Key);
            }

            var update = CohereMapper.FromEvent(ev, state, model);
            if (state.Ended && (CohereMapper.IsFailure(state.FinishReasonText) || !string.IsNullOrEmpty(state.Error)))
            {
                throw Failure(model, state.FinishReasonText, state.Error, billed: true);
            }

            if (update is null)
            {
                continue;
            }

            rateLimits.AttachOnce(update);
            yield return update;
        }

        if (!state.Ended)
        {
            throw Transport.IncompleteStream(model, state.Events, "events", "message-end", state.ExposedContent);
        }

        Log.StreamFinished(Transport.Logger, model, state.Events, state.FinishReasonText);
    }

    public override Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        PagedModelList.ListAsync(
            Transport,
            "v1/models?page_size=1000",
            "page_token",
            MaxModelPages,
            CohereJsonContext.Default.CohereListModelsResponse,
            (wire, _) => (wire.Models ?? []).Select(m => ToDescriptor(m, Transport.Descriptor)).OfType<ModelDescriptor>(),
            wire => wire.NextPageToken,
            null,
            cancellationToken);

    internal static ModelDescriptor? ToDescriptor(CohereModel model, ProviderDescriptor provider)
    {
        if (string.IsNullOrWhiteSpace(model.Name))
        {
            return null;
        }

        var endpoints = model.Endpoints ?? [];
        var features = model.Features ?? [];
        var capabilities = ModelCapabilities.None;
        if (endpoints.Contains("chat"))
        {
            capabilities |= ModelCapabilities.Chat | ModelCapabilities.Streaming;
            if (features.Count == 0 || features.Contains("tools") || features.Contains("strict_tools"))
            {
                capabilities |= ModelCapabilities.Tools;
            }

            if (features.Contains("vision"))
            {
                capabilities |= ModelCapabilities.Vision;
            }

            if (features.Count == 0 || features.Contains("json_mode") || features.Contains("json_schema"))
            {
                capabilities |= ModelCapabilities.Json;
            }
        }

        if (endpoints.Contains("embed"))
        {
            capabilities |= ModelCapabilities.Embeddings;
        }

        if (endpoints.Contains("rerank"))
        {
            capabilities |= ModelCapabilities.Rerank;
        }

        return new ModelDescriptor(provider.Id, model.Name)
        {
            Capabilities = capabilities,
            ContextWindow = CohereMapper.ToLong(model.ContextLength) is { } window and <= int.MaxValue ? (int)window : null,
            Locality = provider.Locality,
            Discovered = true,
        };
    }

    private HttpRequestMessage CreateRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, bool stream) =>
        new(HttpMethod.Post, Transport.Resolve("v2/chat"))
        {
            Content = ProviderTransport.JsonContent(CohereMapper.ToRequest(messages, options, model, stream), CohereJsonContext.Default.CohereChatRequest),
        };

    private AssistantProviderException Failure(string model, string? reason, string? error, bool billed = false)
    {
        Log.GenerationFailed(Transport.Logger, model, reason);
        if (string.Equals(reason, "TIMEOUT", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(error))
        {
            return new ProviderTimeoutException("Cohere stopped the generation because it exceeded its time limit (finish_reason TIMEOUT).")
            {
                ProviderId = CohereProvider.Id,
                ModelId = model,
                ErrorCode = reason,
                IsTransient = true,
                MayHaveBeenBilled = billed,
            };
        }

        var failure = ProviderErrorMapper.FromMessage(
            Transport.Descriptor, error ?? $"the generation failed (finish_reason {reason})", reason, model, Transport.Key, status: 500);
        return failure;
    }

    private static bool TryGetError(string data, out JsonElement error)
    {
        using var doc = JsonDocument.Parse(data);
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("error", out _) || root.TryGetProperty("message", out _)))
        {
            error = root.Clone();
            return true;
        }

        error = default;
        return false;
    }
}
