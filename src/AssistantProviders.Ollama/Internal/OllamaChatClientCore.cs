// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using System.Text.Json;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Ollama.Internal;

/// <summary>The Ollama <c>/api/chat</c> client: JSON answers and NDJSON streams ending with a <c>done: true</c> line.</summary>
internal sealed class OllamaChatClientCore : IChatClient, IModelDiscovery
{
    private readonly ProviderTransport _transport;
    private readonly string? _keepAlive;
    private readonly ChatClientMetadata _metadata;

    public OllamaChatClientCore(ProviderTransport transport, string? keepAlive)
    {
        _transport = transport;
        _keepAlive = keepAlive;
        _metadata = new ChatClientMetadata(transport.Descriptor.Id, transport.Endpoint, transport.Options.DefaultModel ?? transport.Descriptor.DefaultModel);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var model = _transport.ResolveModel(options?.ModelId);
        var body = OllamaMapper.ToChatRequest(messages, options, model, _keepAlive, stream: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve(OllamaProvider.ChatPath))
        {
            Content = ProviderTransport.JsonContent(body, OllamaJsonContext.Default.OllamaChatRequest),
        };
        Log.Sending(_transport.Logger, model, stream: false);
        var (wire, _) = await _transport.SendForJsonAsync(request, OllamaJsonContext.Default.OllamaChatResponse, model, cancellationToken).ConfigureAwait(false);
        ThrowIfError(wire.Error, model);
        if (wire.Message is null)
        {
            throw _transport.InvalidResponse(model, "the answer had no message", null);
        }

        var response = OllamaMapper.FromResponse(wire, _transport.Descriptor.Id, NewResponseId());
        response.ModelId ??= model;
        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var model = _transport.ResolveModel(options?.ModelId);
        var body = OllamaMapper.ToChatRequest(messages, options, model, _keepAlive, stream: true);
        var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve(OllamaProvider.ChatPath))
        {
            Content = ProviderTransport.JsonContent(body, OllamaJsonContext.Default.OllamaChatRequest),
        };
        request.Headers.Accept.ParseAdd("application/x-ndjson");
        Log.Sending(_transport.Logger, model, stream: true);

        using var response = await _transport.SendAsync(request, model, streaming: true, cancellationToken).ConfigureAwait(false);
        var state = new OllamaStreamState(NewResponseId());
        using var stream = _transport.OpenLimited(await response.Message.Content.ReadAsStreamAsync(response.Token).ConfigureAwait(false));
        var lines = NdjsonLineReader.ReadAsync(stream, _transport, model, () => state.Lines, response.Token);
        await foreach (var line in StreamGuard.MapTimeouts(lines, _transport, response, model, cancellationToken).ConfigureAwait(false))
        {
            var chunk = StreamJson.Parse(_transport, line, OllamaJsonContext.Default.OllamaChatResponse, model, $"stream line {state.Lines + 1}");
            if (chunk is null)
            {
                continue;
            }

            ThrowIfError(chunk.Error, model);
            state.Lines++;
            var update = OllamaMapper.FromChunk(chunk, state, _transport.Descriptor.Id);
            update.ModelId ??= model;
            if (update.Contents.Count > 0 || update.FinishReason is not null)
            {
                yield return update;
            }

            if (state.SawDone)
            {
                yield break;
            }
        }

        SharedLog.StreamIncomplete(_transport.Logger, _transport.Descriptor.Id, state.Lines);
        throw _transport.Incomplete(model, state.Lines == 0 ? "no data was received" : $"it stopped after {state.Lines} lines without a \"done\": true line", billed: state.ExposedContent);
    }

    public async Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _transport.Resolve(OllamaProvider.TagsPath));
        var (tags, _) = await _transport.SendForJsonAsync(request, OllamaJsonContext.Default.OllamaTagsResponse, null, cancellationToken).ConfigureAwait(false);
        return OllamaMapper.ToModels(tags, _transport.Descriptor);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        ClientServiceLookup.Find(this, serviceType, serviceKey, _metadata, _transport.Descriptor);

    public void Dispose() => _transport.Dispose();

    internal static string NewResponseId() => "ollama-" + Guid.NewGuid().ToString("N");

    private void ThrowIfError(JsonElement? error, string model)
    {
        if (error is { ValueKind: JsonValueKind.String } text)
        {
            throw ProviderErrorMapper.FromMessage(_transport.Descriptor, text.GetString() ?? "unknown error", null, model, _transport.Key);
        }

        if (error is { ValueKind: JsonValueKind.Object } obj)
        {
            throw ProviderErrorMapper.FromPayload(_transport.Descriptor, obj, model, _transport.Key);
        }
    }
}
