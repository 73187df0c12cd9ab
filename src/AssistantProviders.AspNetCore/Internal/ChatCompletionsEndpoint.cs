// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.AspNetCore.Internal.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary><c>POST chat/completions</c> over the unkeyed <see cref="IChatClient"/> (the chat router): JSON, or SSE when <c>stream</c> is true.</summary>
internal static class ChatCompletionsEndpoint
{
    public static Task HandleAsync(HttpContext context) => GatewayPipeline.RunAsync(context, RunAsync);

    private static async Task RunAsync(GatewayCall call)
    {
        var request = await GatewayPipeline.ReadJsonAsync(call, GatewayJsonContext.Default.ChatCompletionRequest).ConfigureAwait(false);
        var messages = ChatRequestMapper.MapMessages(request);
        var options = ChatRequestMapper.MapOptions(request, call.Tenant);
        var chat = call.Require<IChatClient>("chat");
        var now = GatewayPipeline.TimeProviderOf(call.Services).GetUtcNow();

        if (request.Stream is true)
        {
            await ChatStreamWriter.WriteAsync(call, chat, messages, options, request.Model, request.StreamOptions?.IncludeUsage is true).ConfigureAwait(false);
            return;
        }

        var response = await chat.GetResponseAsync(messages, options, call.Aborted).ConfigureAwait(false);
        var info = RouteInfo.From(response.AdditionalProperties);
        var http = call.Context.Response;
        info.WriteHeaders(http, call.Explain);
        http.StatusCode = StatusCodes.Status200OK;
        http.ContentType = "application/json";
        var body = ChatResponseMapper.ToWire(response, request.Model, info, call.Explain, now);
        await JsonSerializer.SerializeAsync(http.Body, body, GatewayJsonContext.Default.ChatCompletionResponse, call.Aborted).ConfigureAwait(false);
    }
}
