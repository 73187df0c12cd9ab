// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>A client control message: <c>{"type":"KeepAlive"|"Finalize"|"CloseStream"}</c>.</summary>
/// <param name="Type">The message type.</param>
internal sealed record DeepgramControlMessage(string Type)
{
    public static readonly DeepgramControlMessage Finalize = new("Finalize");
    public static readonly DeepgramControlMessage CloseStream = new("CloseStream");
    public const string KeepAliveJson = "{\"type\":\"KeepAlive\"}";
}
