// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Adversarial.Tests.Harness;

/// <summary>Each vendor's wire shapes, written by hand: a whole answer and the frames of a streamed one.</summary>
public static class Payloads
{
    public static string Q(string text) => JsonSerializer.Serialize(text);

    /// <summary>A whole, successful chat answer.</summary>
    public static string Complete(string vendor, string model, string text, long input = 5, long output = 2, string id = "id-1") => vendor switch
    {
        "openai" => $$$"""{"id":{{{Q(id)}}},"object":"chat.completion","created":1700000000,"model":{{{Q(model)}}},"choices":[{"index":0,"message":{"role":"assistant","content":{{{Q(text)}}}},"finish_reason":"stop"}],"usage":{"prompt_tokens":{{{input}}},"completion_tokens":{{{output}}},"total_tokens":{{{input + output}}}}}""",
        "anthropic" => $$$"""{"id":{{{Q(id)}}},"type":"message","role":"assistant","model":{{{Q(model)}}},"content":[{"type":"text","text":{{{Q(text)}}}}],"stop_reason":"end_turn","usage":{"input_tokens":{{{input}}},"output_tokens":{{{output}}}}}""",
        "ollama" => $$"""{"model":{{Q(model)}},"created_at":"2024-01-01T00:00:00Z","message":{"role":"assistant","content":{{Q(text)}}},"done":true,"done_reason":"stop","prompt_eval_count":{{input}},"eval_count":{{output}}}""",
        "gemini" => $$"""{"candidates":[{"content":{"role":"model","parts":[{"text":{{Q(text)}}}]},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":{{input}},"candidatesTokenCount":{{output}},"totalTokenCount":{{input + output}}},"modelVersion":{{Q(model)}},"responseId":{{Q(id)}}}""",
        "cohere" => $$$$"""{"id":{{{{Q(id)}}}},"finish_reason":"COMPLETE","message":{"role":"assistant","content":[{"type":"text","text":{{{{Q(text)}}}}}]},"usage":{"billed_units":{"input_tokens":{{{{input}}}},"output_tokens":{{{{output}}}}},"tokens":{"input_tokens":{{{{input}}}},"output_tokens":{{{{output}}}}}}}""",
        _ => throw new ArgumentOutOfRangeException(nameof(vendor), vendor, null),
    };

    /// <summary>The content type of the vendor's stream.</summary>
    public static string StreamType(string vendor) => vendor == "ollama" ? "application/x-ndjson" : "text/event-stream";

    /// <summary>The frames that open a stream and carry <paramref name="text"/>, without any terminator.</summary>
    public static string StreamOpen(string vendor, string model, string text, string id = "id-1") => vendor switch
    {
        "openai" => Wire.Sse($$"""{"id":{{Q(id)}},"object":"chat.completion.chunk","created":1700000000,"model":{{Q(model)}},"choices":[{"index":0,"delta":{"role":"assistant","content":{{Q(text)}}},"finish_reason":null}]}"""),
        "anthropic" => Wire.Sse($$$$"""{"type":"message_start","message":{"id":{{{{Q(id)}}}},"type":"message","role":"assistant","model":{{{{Q(model)}}}},"content":[],"stop_reason":null,"usage":{"input_tokens":5,"output_tokens":0}}}""", "message_start")
            + Wire.Sse("""{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""", "content_block_start")
            + Wire.Sse($$$"""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":{{{Q(text)}}}}}""", "content_block_delta"),
        "ollama" => $$"""{"model":{{Q(model)}},"created_at":"2024-01-01T00:00:00Z","message":{"role":"assistant","content":{{Q(text)}}},"done":false}""" + "\n",
        "gemini" => Wire.Sse($$"""{"candidates":[{"content":{"role":"model","parts":[{"text":{{Q(text)}}}]},"index":0}],"modelVersion":{{Q(model)}},"responseId":{{Q(id)}}}"""),
        "cohere" => Wire.Sse($$$$"""{"id":{{{{Q(id)}}}},"type":"message-start","delta":{"message":{"role":"assistant"}}}""", "message-start")
            + Wire.Sse("""{"type":"content-start","index":0,"delta":{"message":{"content":{"type":"text","text":""}}}}""", "content-start")
            + Wire.Sse($$$$$"""{"type":"content-delta","index":0,"delta":{"message":{"content":{"text":{{{{{Q(text)}}}}}}}}}""", "content-delta"),
        _ => throw new ArgumentOutOfRangeException(nameof(vendor), vendor, null),
    };

    /// <summary>The frames that finish a stream (finish reason, usage and the terminator).</summary>
    public static string StreamClose(string vendor, string model, long input = 5, long output = 2, string id = "id-1") => vendor switch
    {
        "openai" => Wire.Sse($$"""{"id":{{Q(id)}},"object":"chat.completion.chunk","created":1700000000,"model":{{Q(model)}},"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""")
            + Wire.Sse($$$"""{"id":{{{Q(id)}}},"object":"chat.completion.chunk","created":1700000000,"model":{{{Q(model)}}},"choices":[],"usage":{"prompt_tokens":{{{input}}},"completion_tokens":{{{output}}},"total_tokens":{{{input + output}}}}}""")
            + Wire.Sse("[DONE]"),
        "anthropic" => Wire.Sse("""{"type":"content_block_stop","index":0}""", "content_block_stop")
            + Wire.Sse($$$"""{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":{{{input}}},"output_tokens":{{{output}}}}}""", "message_delta")
            + Wire.Sse("""{"type":"message_stop"}""", "message_stop"),
        "ollama" => $$"""{"model":{{Q(model)}},"created_at":"2024-01-01T00:00:01Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":{{input}},"eval_count":{{output}}}""" + "\n",
        "gemini" => Wire.Sse($$"""{"candidates":[{"content":{"role":"model","parts":[{"text":""}]},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":{{input}},"candidatesTokenCount":{{output}},"totalTokenCount":{{input + output}}},"modelVersion":{{Q(model)}},"responseId":{{Q(id)}}}"""),
        "cohere" => Wire.Sse("""{"type":"content-end","index":0}""", "content-end")
            + Wire.Sse($$$$$"""{"type":"message-end","delta":{"finish_reason":"COMPLETE","usage":{"billed_units":{"input_tokens":{{{{{input}}}}},"output_tokens":{{{{{output}}}}}},"tokens":{"input_tokens":{{{{{input}}}}},"output_tokens":{{{{{output}}}}}}}}}""", "message-end"),
        _ => throw new ArgumentOutOfRangeException(nameof(vendor), vendor, null),
    };

    /// <summary>A vendor error body echoing <paramref name="secret"/> in every field a vendor has.</summary>
    public static string EchoingError(string secret) =>
        $$"""{"error":{"message":"bad key {{secret}} (Authorization: Bearer {{secret}})","type":"invalid_request_error","code":"key_{{secret}}","param":{{Q(secret)}},"status":"{{secret}}"},"message":{{Q(secret)}},"detail":{{Q(secret)}},"request_id":{{Q(secret)}}}""";
}
