// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal;

/// <summary>An answer before it is written: status, headers and either a whole body or a list of stream frames.</summary>
internal sealed class EmulatorReply
{
    public int Status { get; init; } = 200;

    public string ContentType { get; init; } = "application/json";

    public byte[]? Body { get; init; }

    /// <summary>Gets the stream frames (complete SSE events or NDJSON lines); null for a whole body.</summary>
    public IReadOnlyList<string>? Frames { get; init; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsStream => Frames is not null;

    public static EmulatorReply Json(JsonNode body, int status = 200) =>
        new() { Status = status, Body = Encoding.UTF8.GetBytes(body.ToJsonString()) };

    public static EmulatorReply Text(string body, string contentType, int status = 200) =>
        new() { Status = status, ContentType = contentType, Body = Encoding.UTF8.GetBytes(body) };

    public static EmulatorReply Binary(byte[] body, string contentType) =>
        new() { ContentType = contentType, Body = body };

    public static EmulatorReply Stream(IReadOnlyList<string> frames, string contentType = Sse.ContentType) =>
        new() { ContentType = contentType, Frames = frames };
}
