// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal;

/// <summary>
/// Thrown after a stream's SSE error event was sent, and let through to the server on purpose: Kestrel then ends the
/// response without its final chunk (after sending what was written), so a client that ignores SSE error events sees a
/// truncated body instead of a clean end. Its message carries no request or answer content.
/// </summary>
internal sealed class GatewayStreamAbortedException : Exception
{
    public GatewayStreamAbortedException()
        : base("The upstream stream failed after the gateway's response started; the SSE error event was sent and the response is ended abnormally.")
    {
    }

    public GatewayStreamAbortedException(string message)
        : base(message)
    {
    }

    public GatewayStreamAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
