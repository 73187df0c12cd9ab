// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal;

/// <summary>Formats stream frames: SSE events and NDJSON lines.</summary>
internal static class Sse
{
    public const string ContentType = "text/event-stream";
    public const string NdjsonContentType = "application/x-ndjson";

    public static string Data(JsonNode payload) => "data: " + payload.ToJsonString() + "\n\n";

    public static string Data(string payload) => "data: " + payload + "\n\n";

    public static string Event(string name, JsonNode payload) => "event: " + name + "\ndata: " + payload.ToJsonString() + "\n\n";

    public static string Line(JsonNode payload) => payload.ToJsonString() + "\n";

    /// <summary>An SSE comment frame of at least <paramref name="bytes"/> bytes (ignored by parsers, counted by size caps).</summary>
    public static string Comment(int bytes) => ": " + new string('x', Math.Max(0, bytes)) + "\n\n";
}
