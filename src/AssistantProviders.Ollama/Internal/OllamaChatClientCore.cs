// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using System.Text.Json;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Ollama.Internal;

/// <summary>The Ollama <c>/api/chat</c> client: JSON answers and NDJSON streams ending with a <c>done: true</c> line.</summary>
internal sealed class OllamaChatClientCore(ProviderTransport transport, string? keepAlive) : ProviderChatClientCore(transport)
{
    protected override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, CancellationToken cancellationToken)
    {
        using var request = CreateChatRequest(messages, options, model, stream: false);
        Log.Sending(Transport.Logger, model, stream: false);
        var (wire, rateLimits) = await Transport.SendForJsonAsync(request, OllamaJsonContext.Default.OllamaChatResponse, model, cancellationToken).ConfigureAwait(false);
        ThrowIfError(wire.Error, model);
        if (wire.Message is null)
        {
            throw Transport.InvalidResponse(model, "the answer had no message", null);
        }

        var response = OllamaMapper.FromResponse(wire, Transport.Descriptor.Id, NewResponseId());
        response.ModelId ??= model;
        RateLimitAttachment.Attach(response, rateLimits);
        return response;
    }

    protected override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, string model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = CreateChatRequest(messages, options, model, stream: true);
        Log.Sending(Transport.Logger, model, stream: true);

        using var response = await SendStreamingAsync(request, model, "application/x-ndjson", cancellationToken).ConfigureAwait(false);
        var state = new OllamaStreamState(NewResponseId());
        var rateLimits = new StreamRateLimits(response.RateLimits);
        using var stream = Transport.OpenLimited(await response.Message.Content.ReadAsStreamAsync(response.Token).ConfigureAwait(false));
        var lines = NdjsonLineReader.ReadAsync(stream, Transport, model, () => state.Lines, response.Token);
        await foreach (var line in StreamGuard.MapTimeouts(lines, Transport, response, model, cancellationToken).ConfigureAwait(false))
        {
            var chunk = StreamJson.Parse(Transport, line.Span, OllamaJsonContext.Default.OllamaChatResponse, model, $"stream line {state.Lines + 1}");
            if (chunk is null)
            {
                continue;
            }

            ThrowIfError(chunk.Error, model);
            state.Lines++;
            var update = OllamaMapper.FromChunk(chunk, state, Transport.Descriptor.Id);
            update.ModelId ??= model;
            if (update.Contents.Count > 0 || update.FinishReason is not null)
            {
                rateLimits.AttachOnce(update);
                yield return update;
            }

            if (state.SawDone)
            {
                yield break;
            }
        }

        throw Transport.IncompleteStream(model, state.Lines, "lines", "a \"done\": true line", state.ExposedContent);
    }

    public override async Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Transport.Resolve(OllamaProvider.TagsPath));
        var (tags, _) = await Transport.SendForJsonAsync(request, OllamaJsonContext.Default.OllamaTagsResponse, null, cancellationToken).ConfigureAwait(false);
        return OllamaMapper.ToModels(tags, Transport.Descriptor);
    }

    internal static string NewResponseId() => "ollama-" + Guid.NewGuid().ToString("N");

    private HttpRequestMessage CreateChatRequest(IEnumerable<ChatMessage> messages, ChatOptions? options, string model, bool stream) =>
        new(HttpMethod.Post, Transport.Resolve(OllamaProvider.ChatPath))
        {
            Content = ProviderTransport.JsonContent(OllamaMapper.ToChatRequest(messages, options, model, keepAlive, stream), OllamaJsonContext.Default.OllamaChatRequest),
        };

    private void ThrowIfError(JsonElement? error, string model)
    {
        if (error is { ValueKind: JsonValueKind.String } text)
        {
            throw ProviderErrorMapper.FromMessage(Transport.Descriptor, text.GetString() ?? "unknown error", null, model, Transport.Key);
        }

        if (error is { ValueKind: JsonValueKind.Object } obj)
        {
            throw ProviderErrorMapper.FromPayload(Transport.Descriptor, obj, model, Transport.Key);
        }
    }
}
