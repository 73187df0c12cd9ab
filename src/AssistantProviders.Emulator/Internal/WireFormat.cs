// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Emulator.Internal;

/// <summary>One vendor wire format: answers requests and renders errors in that vendor's shape.</summary>
internal abstract class WireFormat
{
    /// <summary>Gets the frames sent instead of the stream by a <see cref="FaultKind.MalformedJson"/> fault.</summary>
    public abstract IReadOnlyList<string> MalformedFrames { get; }

    /// <summary>Gets the content type of the stream frames.</summary>
    public virtual string StreamContentType => Sse.ContentType;

    /// <summary>Answers a request whose route is below this format's prefix.</summary>
    /// <param name="call">The request.</param>
    /// <param name="contentFilter">Whether a content-filter fault applies.</param>
    /// <returns>The answer, or null when the route is unknown.</returns>
    public abstract EmulatorReply? Handle(EmulatorCall call, bool contentFilter);

    /// <summary>Renders an error in the vendor's shape.</summary>
    public abstract EmulatorReply Error(ErrorKind kind, string? message, EmulatorFault? fault);

    /// <summary>A stream frame of at least <paramref name="bytes"/> bytes that parsers skip (for the oversize fault).</summary>
    public virtual string PaddingFrame(int bytes) => Sse.Comment(bytes);

    protected static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Unauthorized => 401,
        ErrorKind.NotFound => 404,
        ErrorKind.RateLimited => 429,
        ErrorKind.Server => 500,
        ErrorKind.Unavailable => 503,
        ErrorKind.Overloaded => 529,
        _ => 400,
    };

    protected static string DefaultMessage(ErrorKind kind) => kind switch
    {
        ErrorKind.Unauthorized => "Invalid API key provided to the emulator.",
        ErrorKind.NotFound => "The emulator has no such route or model.",
        ErrorKind.RateLimited => "Rate limit reached (emulated). Please try again later.",
        ErrorKind.Server => "The emulator had an internal error (emulated).",
        ErrorKind.Unavailable => "The emulated service is temporarily unavailable.",
        ErrorKind.Overloaded => "Overloaded",
        ErrorKind.ContextLength => "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens. Please reduce the length of the messages.",
        ErrorKind.ContentFilter => "The request was blocked by the emulated content filter.",
        _ => "The request is invalid.",
    };
}
