// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Emulator;

/// <summary>What an <see cref="EmulatorFault"/> does to a matching request.</summary>
public enum FaultKind
{
    /// <summary>A vendor-shaped 429 with the <c>Retry-After</c> (and optionally <c>retry-after-ms</c>) header.</summary>
    Status429,

    /// <summary>A vendor-shaped 500.</summary>
    Status500,

    /// <summary>A vendor-shaped 503.</summary>
    Status503,

    /// <summary>A vendor-shaped 401 (authentication error).</summary>
    Status401,

    /// <summary>A vendor-shaped 529 (<c>overloaded_error</c> on Anthropic).</summary>
    Status529,

    /// <summary>A vendor-shaped 400 whose code says the context window was exceeded (<c>context_length_exceeded</c> on OpenAI-compatible vendors).</summary>
    ContextLengthExceeded,

    /// <summary>The vendor's content-filter answer (<c>finish_reason: content_filter</c>, Anthropic <c>refusal</c>, Gemini <c>SAFETY</c>, or a 400 where the vendor has no such field).</summary>
    ContentFilter,

    /// <summary>Sends <see cref="EmulatorFault.Chunks"/> stream chunks, then aborts the connection without the terminator. A non-streamed answer is cut half-way.</summary>
    CutStreamAfterChunks,

    /// <summary>Sends <see cref="EmulatorFault.Chunks"/> stream chunks, then waits <see cref="EmulatorFault.StallDuration"/> (or until the request is aborted) before going on.</summary>
    StallAfterChunks,

    /// <summary>A 200 whose body is not valid JSON (or whose SSE/NDJSON data is garbage).</summary>
    MalformedJson,

    /// <summary>A 200 whose body is padded to at least <see cref="EmulatorFault.Bytes"/> bytes.</summary>
    OversizeBody,

    /// <summary>On a live socket: sends <see cref="EmulatorFault.Chunks"/> messages, then drops the connection with no close handshake.</summary>
    SocketDropAfterMessages,

    /// <summary>On a live socket: sends <see cref="EmulatorFault.Chunks"/> messages, then closes with <see cref="EmulatorFault.CloseCode"/> and <see cref="EmulatorFault.Message"/>.</summary>
    SocketCloseWithError,

    /// <summary>On a live socket: sends <see cref="EmulatorFault.Chunks"/> messages, then sends nothing for <see cref="EmulatorFault.StallDuration"/> (or until the client goes).</summary>
    SocketStall,
}
