// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Ollama.Internal;

/// <summary>A non-streamed /api/chat answer, or one NDJSON line of a stream (the last has <c>done: true</c> and the counts).</summary>
internal sealed class OllamaChatResponse
{
    public string? Model { get; set; }

    public string? CreatedAt { get; set; }

    public OllamaMessage? Message { get; set; }

    public bool? Done { get; set; }

    public string? DoneReason { get; set; }

    public long? TotalDuration { get; set; }

    public long? LoadDuration { get; set; }

    public int? PromptEvalCount { get; set; }

    public long? PromptEvalDuration { get; set; }

    public int? EvalCount { get; set; }

    public long? EvalDuration { get; set; }

    /// <summary>An error reported in a 200 body or mid-stream: <c>{"error":"..."}</c>.</summary>
    public JsonElement? Error { get; set; }
}
