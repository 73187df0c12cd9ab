// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Gemini.Internal;

/// <summary>The Gemini <c>generateContent</c> / <c>streamGenerateContent?alt=sse</c> client behind <see cref="GeminiChatClient"/>.</summary>
internal sealed class GeminiChatClientCore(ProviderTransport transport) : ProviderChatClientCore(transport)
{
    private const int MaxModelPages = 50;

    protected override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(messages, options, model, "generateContent");
        var (wire, rateLimits) = await Transport.SendForJsonAsync(request, GeminiJsonContext.Default.GeminiGenerateContentResponse, model, cancellationToken).ConfigureAwait(false);
        ThrowIfError(wire, model);
        ThrowIfBlocked(wire, model);
        if (wire.Candidates is null or { Count: 0 })
        {
            throw Transport.InvalidResponse(model, "the answer had no candidates", null);
        }

        var response = GeminiMapper.FromResponse(wire, model);
        RateLimitAttachment.Attach(response, rateLimits);
        return response;
    }

    protected override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = CreateRequest(messages, options, model, "streamGenerateContent?alt=sse");
        using var response = await SendStreamingAsync(request, model, "text/event-stream", cancellationToken).ConfigureAwait(false);
        var state = new GeminiStreamState();
        var rateLimits = new StreamRateLimits(response.RateLimits);
        // Each event is parsed from its UTF-8 bytes as it arrives (no string in between); blank and [DONE] events are skipped.
        SseItemParser<GeminiGenerateContentResponse?> parse = (_, bytes) =>
            StreamJson.ParseEvent(Transport, bytes, GeminiJsonContext.Default.GeminiGenerateContentResponse, model, $"stream event {state.Chunks + 1}", doneMarker: true);
        await foreach (var item in ProviderSseStream.ReadAsync(Transport, response, model, () => state.Chunks, parse, cancellationToken).ConfigureAwait(false))
        {
            var chunk = item.Data;
            if (chunk is null)
            {
                continue;
            }

            ThrowIfError(chunk, model);
            ThrowIfBlocked(chunk, model);
            state.Chunks++;
            var update = GeminiMapper.FromChunk(chunk, state, model);
            if (update.Contents.Count > 0 || update.FinishReason is not null)
            {
                rateLimits.AttachOnce(update);
                yield return update;
            }
        }

        if (state.FinishReason is null)
        {
            throw Transport.IncompleteStream(model, state.Chunks, "events", "a finishReason", state.ExposedContent);
        }

        Log.StreamFinished(Transport.Logger, model, state.Chunks, state.FinishReason?.Value);
        if (GeminiMapper.ToUsage(state.LastUsage) is { } usage)
        {
            // Gemini repeats running totals on every event: report the last one, once, so a stream costs what the same answer costs unstreamed.
            yield return new ChatResponseUpdate
            {
                ResponseId = state.ResponseId,
                MessageId = state.ResponseId,
                ModelId = state.ModelVersion ?? model,
                Role = ChatRole.Assistant,
                Contents = [new UsageContent(usage)],
                AdditionalProperties = new() { [AssistantProviderProperties.Provider] = GeminiProvider.Id },
            };
        }
    }

    public override Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        PagedModelList.ListAsync(
            Transport,
            "models?pageSize=1000",
            "pageToken",
            MaxModelPages,
            GeminiJsonContext.Default.GeminiListModelsResponse,
            (wire, page) =>
            {
                var models = wire.Models ?? [];
                Log.ModelPage(Transport.Logger, page, models.Count);
                return models.Select(m => ToDescriptor(m, Transport.Descriptor)).OfType<ModelDescriptor>();
            },
            wire => wire.NextPageToken,
            null,
            cancellationToken);

    internal static ModelDescriptor? ToDescriptor(GeminiModel model, ProviderDescriptor provider)
    {
        var id = model.Name;
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        if (id.StartsWith("models/", StringComparison.Ordinal))
        {
            id = id["models/".Length..];
        }

        var methods = model.SupportedGenerationMethods ?? [];
        var capabilities = ModelCapabilities.None;
        if (methods.Contains("generateContent"))
        {
            capabilities |= ModelCapabilities.Chat;
        }

        if (methods.Contains("streamGenerateContent"))
        {
            capabilities |= ModelCapabilities.Streaming;
        }

        if (methods.Contains("embedContent") || methods.Contains("batchEmbedContents"))
        {
            capabilities |= ModelCapabilities.Embeddings;
        }

        if (id.StartsWith("gemini-", StringComparison.Ordinal) && capabilities.HasFlag(ModelCapabilities.Chat))
        {
            // Every Gemini chat model takes tools, images and a JSON schema; the listing does not say so.
            capabilities |= ModelCapabilities.Tools | ModelCapabilities.Vision | ModelCapabilities.Json;
        }

        return new ModelDescriptor(provider.Id, id)
        {
            DisplayName = model.DisplayName,
            ContextWindow = model.InputTokenLimit,
            MaxOutputTokens = model.OutputTokenLimit,
            Capabilities = capabilities,
            Locality = provider.Locality,
            Discovered = true,
        };
    }

    private HttpRequestMessage CreateRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, string method)
    {
        var body = GeminiMapper.ToRequest(messages, options);
        return new HttpRequestMessage(HttpMethod.Post, Transport.Resolve(GeminiPaths.Method(model, method)))
        {
            Content = ProviderTransport.JsonContent(body, GeminiJsonContext.Default.GeminiGenerateContentRequest),
        };
    }

    private void ThrowIfError(GeminiGenerateContentResponse wire, string model)
    {
        if (wire.Error is { ValueKind: JsonValueKind.Object or JsonValueKind.String } error)
        {
            throw ProviderErrorMapper.FromPayload(Transport.Descriptor, error, model, Transport.Key);
        }
    }

    private void ThrowIfBlocked(GeminiGenerateContentResponse wire, string model)
    {
        if (GeminiMapper.BlockedError(wire, model) is { } blocked)
        {
            Log.Blocked(Transport.Logger, model, blocked.ErrorCode);
            throw blocked;
        }
    }
}
