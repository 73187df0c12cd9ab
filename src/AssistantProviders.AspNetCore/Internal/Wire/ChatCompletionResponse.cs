// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>OpenAI <c>CreateChatCompletionResponse</c>.</summary>
internal sealed class ChatCompletionResponse
{
    public string Id { get; set; } = string.Empty;

    public string Object { get; set; } = "chat.completion";

    public long Created { get; set; }

    public string Model { get; set; } = string.Empty;

    public List<WireChoice> Choices { get; set; } = [];

    public WireUsage? Usage { get; set; }

    public WireRouteInfo? AssistantProviders { get; set; }
}
