// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>OpenAI <c>CreateChatCompletionStreamResponse</c>: one SSE chunk.</summary>
internal sealed class ChatCompletionChunk
{
    public string Id { get; set; } = string.Empty;

    public string Object { get; set; } = "chat.completion.chunk";

    public long Created { get; set; }

    public string Model { get; set; } = string.Empty;

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public List<WireChunkChoice> Choices { get; set; } = [];

    public WireUsage? Usage { get; set; }

    public WireRouteInfo? AssistantProviders { get; set; }
}
