// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using AssistantProviders.AspNetCore.Internal.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.AI;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>
/// Streams a routed chat answer as OpenAI SSE chunks. Nothing is sent before the router's first update, so a failure before it
/// (every route failed, a budget, a bad request) is still a plain status and error JSON. After it, a failure is sent as an SSE
/// <c>error</c> event, then the connection is aborted (no <c>[DONE]</c>, no final chunk): it never looks like a clean end,
/// even to a client that ignores SSE error events.
/// </summary>
internal sealed class ChatStreamWriter : IDisposable
{
    private readonly GatewayCall _call;
    private readonly PipeWriter _body;
    private readonly Utf8JsonWriter _json;
    private readonly RouteInfo _info = new();
    private readonly long _created;
    private string _id = string.Empty;
    private string _model;
    private int _toolCalls;

    // One content chunk per stream, refilled for each update: SendAsync serializes it before the next update is read.
    private readonly WireDelta _delta = new();
    private readonly ChatCompletionChunk _content;

    private ChatStreamWriter(GatewayCall call, string? requestedModel, long created)
    {
        _call = call;
        _body = call.Context.Response.BodyWriter;
        _json = new Utf8JsonWriter(_body, new JsonWriterOptions { SkipValidation = true });
        _model = requestedModel ?? string.Empty;
        _created = created;
        _content = new ChatCompletionChunk { Created = created, Choices = [new WireChunkChoice { Delta = _delta }] };
    }

    public static async Task WriteAsync(GatewayCall call, IChatClient chat, List<ChatMessage> messages, ChatOptions options, string? requestedModel, bool includeUsage)
    {
        using var writer = new ChatStreamWriter(call, requestedModel, GatewayPipeline.TimeProviderOf(call.Services).GetUtcNow().ToUnixTimeSeconds());
        await writer.RunAsync(chat, messages, options, includeUsage).ConfigureAwait(false);
    }

    public void Dispose() => _json.Dispose();

    private async Task RunAsync(IChatClient chat, List<ChatMessage> messages, ChatOptions options, bool includeUsage)
    {
        var stream = chat.GetStreamingResponseAsync(messages, options, _call.Aborted).GetAsyncEnumerator(_call.Aborted);
        await using (stream.ConfigureAwait(false))
        {
            // The first update decides the status: failures before it go to the pipeline as a plain error response.
            var any = await stream.MoveNextAsync().ConfigureAwait(false);
            UsageDetails? usage = null;
            ChatFinishReason? finish = null;
            await StartAsync(any ? stream.Current : null).ConfigureAwait(false);
            try
            {
                while (any)
                {
                    var update = stream.Current;
                    _info.Read(update.AdditionalProperties);
                    finish = update.FinishReason ?? finish;
                    var chunk = ChunkOf(update, ref usage);
                    if (chunk is not null)
                    {
                        await SendAsync(chunk).ConfigureAwait(false);
                    }

                    any = await stream.MoveNextAsync().ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (_call.Aborted.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A failure after the first chunk becomes an SSE error event.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var error = GatewayErrorMapper.Map(ex);
                Log.StreamFailed(_call.Logger, _call.Context.Request.Path.Value ?? string.Empty, _call.Tenant, ex.GetType().Name);
                await SendErrorAsync(error).ConfigureAwait(false);

                // Then end the response abnormally (no final chunk): a client that ignores SSE error events, as the OpenAI
                // SDKs do, sees a truncated body and fails instead of taking the partial answer for a complete one.
                throw new GatewayStreamAbortedException();
            }

            var last = new ChatCompletionChunk
            {
                Id = _id,
                Created = _created,
                Model = _model,
                Choices = [new WireChunkChoice { Delta = new WireDelta(), FinishReason = ChatResponseMapper.FinishReason(finish, _toolCalls > 0) }],
                AssistantProviders = includeUsage ? null : _info.ToWire(_call.Explain),
            };
            await SendAsync(last).ConfigureAwait(false);
            if (includeUsage)
            {
                await SendAsync(new ChatCompletionChunk
                {
                    Id = _id,
                    Created = _created,
                    Model = _model,
                    Choices = [],
                    Usage = ChatResponseMapper.Usage(usage ?? new UsageDetails(), _info.CostUsd),
                    AssistantProviders = _info.ToWire(_call.Explain),
                }).ConfigureAwait(false);
            }

            _body.Write("data: [DONE]\n\n"u8);
            await _body.FlushAsync(_call.Aborted).ConfigureAwait(false);
        }
    }

    private async Task StartAsync(ChatResponseUpdate? first)
    {
        _info.Read(first?.AdditionalProperties);
        _id = first?.ResponseId ?? ChatResponseMapper.NewId();
        _model = first?.ModelId ?? _model;
        var response = _call.Context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        if (_info.Provider is { } provider)
        {
            response.Headers[GatewayHeaders.Provider] = provider;
        }

        _call.Context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await SendAsync(new ChatCompletionChunk
        {
            Id = _id,
            Created = _created,
            Model = _model,
            Choices = [new WireChunkChoice { Delta = new WireDelta { Role = "assistant", Content = string.Empty } }],
        }).ConfigureAwait(false);
    }

    private ChatCompletionChunk? ChunkOf(ChatResponseUpdate update, ref UsageDetails? usage)
    {
        string? text = null;
        List<WireToolCallDelta>? calls = null;
        foreach (var content in update.Contents)
        {
            switch (content)
            {
                case TextContent t when t.Text is { Length: > 0 }:
                    text = text is null ? t.Text : text + t.Text;
                    break;
                case FunctionCallContent f:
                    (calls ??= []).Add(new WireToolCallDelta
                    {
                        Index = _toolCalls++,
                        Id = f.CallId,
                        Type = "function",
                        Function = new WireFunctionCall { Name = f.Name, Arguments = ChatResponseMapper.ArgumentsJson(f.Arguments) },
                    });
                    break;
                case UsageContent u:
                    (usage ??= new UsageDetails()).Add(u.Details);
                    break;
            }
        }

        if (text is null && calls is null)
        {
            return null;
        }

        _content.Id = _id;
        _content.Model = update.ModelId ?? _model;
        _delta.Content = text;
        _delta.ToolCalls = calls;
        return _content;
    }

    private async Task SendAsync(ChatCompletionChunk chunk)
    {
        _body.Write("data: "u8);
        _json.Reset(_body);
        JsonSerializer.Serialize(_json, chunk, GatewayJsonContext.Default.ChatCompletionChunk);
        _json.Flush();
        _body.Write("\n\n"u8);
        await _body.FlushAsync(_call.Aborted).ConfigureAwait(false);
    }

    private async Task SendErrorAsync(GatewayError error)
    {
        try
        {
            _body.Write("event: error\ndata: "u8);
            _json.Reset(_body);
            JsonSerializer.Serialize(_json, new ErrorResponse { Error = new WireError { Message = error.Message, Type = error.Type, Param = error.Param, Code = error.Code } }, GatewayJsonContext.Default.ErrorResponse);
            _json.Flush();
            _body.Write("\n\n"u8);
            await _body.FlushAsync(_call.Aborted).ConfigureAwait(false);

        }
        catch (IOException)
        {
            // The caller is gone: nothing left to tell.
        }
        catch (OperationCanceledException)
        {
            // Same.
        }
    }
}
