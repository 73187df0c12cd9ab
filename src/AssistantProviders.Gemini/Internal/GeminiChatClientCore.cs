// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using System.Text.Json;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Gemini.Internal;

/// <summary>The Gemini <c>generateContent</c> / <c>streamGenerateContent?alt=sse</c> client behind <see cref="GeminiChatClient"/>.</summary>
internal sealed class GeminiChatClientCore : IChatClient, IModelDiscovery
{
    private const int MaxModelPages = 50;
    private readonly ProviderTransport _transport;
    private readonly ChatClientMetadata _metadata;

    public GeminiChatClientCore(ProviderTransport transport)
    {
        _transport = transport;
        _metadata = new ChatClientMetadata(transport.Descriptor.Id, transport.Endpoint, transport.Options.DefaultModel ?? transport.Descriptor.DefaultModel);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var model = _transport.ResolveModel(options?.ModelId);
        using var request = CreateRequest(messages, options, model, "generateContent");
        var (wire, rateLimits) = await _transport.SendForJsonAsync(request, GeminiJsonContext.Default.GeminiGenerateContentResponse, model, cancellationToken).ConfigureAwait(false);
        ThrowIfError(wire, model);
        ThrowIfBlocked(wire, model);
        if (wire.Candidates is null or { Count: 0 })
        {
            throw _transport.InvalidResponse(model, "the answer had no candidates", null);
        }

        var response = GeminiMapper.FromResponse(wire, model);
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
        var request = CreateRequest(messages, options, model, "streamGenerateContent?alt=sse");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await _transport.SendAsync(request, model, streaming: true, cancellationToken).ConfigureAwait(false);
        var state = new GeminiStreamState();
        var first = true;
        await foreach (var item in ProviderSseStream.ReadAsync(_transport, response, model, () => state.Chunks, cancellationToken).ConfigureAwait(false))
        {
            if (string.IsNullOrWhiteSpace(item.Data) || item.Data.AsSpan().Trim().SequenceEqual("[DONE]"))
            {
                continue;
            }

            GeminiGenerateContentResponse? chunk;
            try
            {
                chunk = JsonSerializer.Deserialize(item.Data, GeminiJsonContext.Default.GeminiGenerateContentResponse);
            }
            catch (JsonException ex)
            {
                throw _transport.InvalidResponse(model, $"stream event {state.Chunks + 1} was not valid JSON", ex);
            }

            if (chunk is null)
            {
                continue;
            }

            ThrowIfError(chunk, model);
            ThrowIfBlocked(chunk, model);
            state.Chunks++;
            var update = GeminiMapper.FromChunk(chunk, state, model);
            if (first && response.RateLimits is not null)
            {
                update.AdditionalProperties![ProviderRateLimits.Key] = response.RateLimits;
            }

            first = false;
            if (update.Contents.Count > 0 || update.FinishReason is not null)
            {
                yield return update;
            }
        }

        if (state.FinishReason is null)
        {
            SharedLog.StreamIncomplete(_transport.Logger, _transport.Descriptor.Id, state.Chunks);
            throw _transport.Incomplete(
                model,
                state.Chunks == 0 ? "no data was received" : $"it stopped after {state.Chunks} events without a finishReason",
                billed: state.ExposedContent);
        }

        Log.StreamFinished(_transport.Logger, model, state.Chunks, state.FinishReason?.Value);
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

    public async Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<ModelDescriptor>();
        string? pageToken = null;
        for (var page = 1; page <= MaxModelPages; page++)
        {
            var path = "models?pageSize=1000" + (pageToken is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(pageToken));
            using var request = new HttpRequestMessage(HttpMethod.Get, _transport.Resolve(path));
            var (wire, _) = await _transport.SendForJsonAsync(request, GeminiJsonContext.Default.GeminiListModelsResponse, null, cancellationToken).ConfigureAwait(false);
            var models = wire.Models ?? [];
            Log.ModelPage(_transport.Logger, page, models.Count);
            result.AddRange(models.Select(m => ToDescriptor(m, _transport.Descriptor)).OfType<ModelDescriptor>());
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
        return new HttpRequestMessage(HttpMethod.Post, _transport.Resolve(GeminiPaths.Method(model, method)))
        {
            Content = ProviderTransport.JsonContent(body, GeminiJsonContext.Default.GeminiGenerateContentRequest),
        };
    }

    private void ThrowIfError(GeminiGenerateContentResponse wire, string model)
    {
        if (wire.Error is { ValueKind: JsonValueKind.Object or JsonValueKind.String } error)
        {
            throw ProviderErrorMapper.FromPayload(_transport.Descriptor, error, model, _transport.Key);
        }
    }

    private void ThrowIfBlocked(GeminiGenerateContentResponse wire, string model)
    {
        if (GeminiMapper.BlockedError(wire, model) is { } blocked)
        {
            Log.Blocked(_transport.Logger, model, blocked.ErrorCode);
            throw blocked;
        }
    }
}
