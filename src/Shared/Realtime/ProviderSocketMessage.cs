// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.WebSockets;
using System.Text;

namespace AssistantProviders.Shared;

/// <summary>
/// One whole message received on a <see cref="ProviderWebSocket"/>. <see cref="Data"/> is a view of the socket's receive buffer:
/// it is valid until the next <see cref="ProviderWebSocket.ReceiveAsync"/>; copy it (or parse it) before then.
/// </summary>
/// <param name="Type">Text or binary.</param>
/// <param name="Data">The message bytes (UTF-8 for text).</param>
internal readonly record struct ProviderSocketMessage(WebSocketMessageType Type, ReadOnlyMemory<byte> Data)
{
    /// <summary>Gets a value indicating whether this is a text message.</summary>
    public bool IsText => Type == WebSocketMessageType.Text;

    /// <summary>Decodes the message as UTF-8 text.</summary>
    /// <returns>The text.</returns>
    public string GetText() => Encoding.UTF8.GetString(Data.Span);
}
