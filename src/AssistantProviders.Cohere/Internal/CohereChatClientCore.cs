// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using System.Text.Json;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Cohere.Internal;

/// <summary>The Cohere <c>v2/chat</c> client (JSON and typed SSE events) behind <see cref="CohereChatClient"/>.</summary>
internal sealed class CohereChatClientCore : IChatClient, IModelDiscovery
{
    private const int MaxModelPages = 50;
    private readonly ProviderTransport _transport;
    private readonly ChatClientMetadata _metadata;

    public CohereChatClientCore(ProviderTransport transport)
    {
        _transport = transport;
        _metadata = new ChatClientMetadata(transport.Descriptor.Id, transport.Endpoint, transport.Options.DefaultModel ?? transport.Descriptor.DefaultModel);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var model = _transport.ResolveModel(options?.ModelId);
        using var request = CreateRequest(messages, options, model, stream: false);
        var (wire, rateLimits) = await _transport.SendForJsonAsync(request, CohereJsonContext.Default.CohereChatResponse, model, cancellationToken).ConfigureAwait(false);
        if (CohereMapper.IsFailure(wire.FinishReason))
        {
            throw Failure(model, wire.FinishReason, null);
        }

        if (wire.Message is null)
        {
            throw _transport.InvalidResponse(model, "the answer had no message", null);
        }

        var response = CohereMapper.FromResponse(wire, model);
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
        var request = CreateRequest(messages, options, model, stream: true);
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await _transport.SendAsync(request, model, streaming: true, cancellationToken).ConfigureAwait(false);
        var state = new CohereStreamState();
        var first = true;
        await foreach (var item in ProviderSseStream.ReadAsync(_transport, response, model, () => state.Events, cancellationToken).ConfigureAwait(false))
        {
            var data = item.Data;
            if (string.IsNullOrWhiteSpace(data) || data.AsSpan().Trim().SequenceEqual("[DONE]"))
            {
                // Cohere's spec declares a trailing [DONE]; message-end is the real terminator.
                continue;
            }

            CohereStreamEvent? ev;
            try
            {
                ev = JsonSerializer.Deserialize(data, CohereJsonContext.Default.CohereStreamEvent);
            }
            catch (JsonException ex)
            {
                throw _transport.InvalidResponse(model, $"stream event {state.Events + 1} was not valid JSON", ex);
            }

            if (ev is null)
            {
                continue;
            }

            state.Events++;
            if ((ev.Type is null || ev.Type == "error") && TryGetError(data, out var error))
            {
                throw ProviderErrorMapper.FromPayload(_transport.Descriptor, error, model, _transport.Key);
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

            if (first && response.RateLimits is not null)
            {
                update.AdditionalProperties![ProviderRateLimits.Key] = response.RateLimits;
            }

            first = false;
            yield return update;
        }

        if (!state.Ended)
        {
            SharedLog.StreamIncomplete(_transport.Logger, _transport.Descriptor.Id, state.Events);
            throw _transport.Incomplete(
                model,
                state.Events == 0 ? "no data was received" : $"it stopped after {state.Events} events without message-end",
                billed: state.ExposedContent);
        }

        Log.StreamFinished(_transport.Logger, model, state.Events, state.FinishReasonText);
    }

    public async Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<ModelDescriptor>();
        string? pageToken = null;
        for (var page = 0; page < MaxModelPages; page++)
        {
            var path = "v1/models?page_size=1000" + (pageToken is null ? string.Empty : "&page_token=" + Uri.EscapeDataString(pageToken));
            using var request = new HttpRequestMessage(HttpMethod.Get, _transport.Resolve(path));
            var (wire, _) = await _transport.SendForJsonAsync(request, CohereJsonContext.Default.CohereListModelsResponse, null, cancellationToken).ConfigureAwait(false);
            result.AddRange((wire.Models ?? []).Select(m => ToDescriptor(m, _transport.Descriptor)).OfType<ModelDescriptor>());
            if (string.IsNullOrEmpty(wire.NextPageToken) || wire.NextPageToken == pageToken)
            {
                break;
            }

            pageToken = wire.NextPageToken;
        }

        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        ClientServiceLookup.Find(this, serviceType, serviceKey, _metadata, _transport.Descriptor);

    public void Dispose() => _transport.Dispose();

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
        new(HttpMethod.Post, _transport.Resolve("v2/chat"))
        {
            Content = ProviderTransport.JsonContent(CohereMapper.ToRequest(messages, options, model, stream), CohereJsonContext.Default.CohereChatRequest),
        };

    private AssistantProviderException Failure(string model, string? reason, string? error, bool billed = false)
    {
        Log.GenerationFailed(_transport.Logger, model, reason);
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
            _transport.Descriptor, error ?? $"the generation failed (finish_reason {reason})", reason, model, _transport.Key, status: 500);
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
