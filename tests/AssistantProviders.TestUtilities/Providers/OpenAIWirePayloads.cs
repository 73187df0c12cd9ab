// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AssistantProviders.TestUtilities.Providers;

/// <summary>
/// Payloads and helpers of the OpenAI-wire vendor tests (OpenAI, Groq, Together, Fireworks, Perplexity, Mistral, Hugging Face,
/// LM Studio, MLX): a dummy key, a minimal completion, stream chunks and fixture readers. The shared behaviour itself is tested
/// once, by <c>OpenAIWireChatConformanceTests</c> in AssistantProviders.ConformanceTests, which every OpenAI-wire vendor inherits;
/// the vendor test projects use these helpers for their own replay tests (<c>using static</c>).
/// </summary>
public static class OpenAIWirePayloads
{
    /// <summary>The dummy key; error messages must never contain it.</summary>
    public const string Key = "sk-test-SECRET-0123456789abcdef";

    /// <summary>A minimal non-streamed chat completion (text "Hi", 4 tokens).</summary>
    public const string MinimalCompletion =
        """{"id":"r1","object":"chat.completion","created":1,"model":"m1","choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""";

    /// <summary>Gets a one-message conversation ("Hello").</summary>
    public static IReadOnlyList<ChatMessage> Hello { get; } = [new(ChatRole.User, "Hello")];

    /// <summary>A chat-completion chunk (id <c>s1</c>) with a content delta and an optional finish reason.</summary>
    /// <param name="content">The delta text.</param>
    /// <param name="finish">The finish reason, or null.</param>
    /// <returns>The chunk JSON.</returns>
    public static string Chunk(string content, string? finish = null) =>
        "{\"id\":\"s1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":" +
        JsonSerializer.Serialize(content) + "},\"finish_reason\":" + (finish is null ? "null" : "\"" + finish + "\"") + "}]}";

    /// <summary>Collects a stream of updates.</summary>
    /// <param name="updates">The stream.</param>
    /// <returns>The updates.</returns>
    public static async Task<List<ChatResponseUpdate>> CollectAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var list = new List<ChatResponseUpdate>();
        await foreach (var update in updates)
        {
            list.Add(update);
        }

        return list;
    }

    /// <summary>Builds an SSE body from a recorded chunks file (one JSON chunk per line), optionally terminated by <c>[DONE]</c>.</summary>
    /// <param name="chunksFile">The chunks file text.</param>
    /// <param name="done">Whether to append <c>data: [DONE]</c>.</param>
    /// <returns>The SSE text.</returns>
    public static string Sse(string chunksFile, bool done = true)
    {
        var builder = new SseBuilder().EventsFromChunkLines(chunksFile);
        return (done ? builder.Done() : builder).ToString();
    }

    /// <summary>Reads a tape fixture (<c>{request:{body}, response:{status, body}}</c>) as (request body, response body).</summary>
    /// <param name="provider">The fixture folder.</param>
    /// <param name="file">The file.</param>
    /// <returns>The request body, response body and status.</returns>
    public static (string RequestBody, string ResponseBody, int Status) ReadTape(string provider, string file)
    {
        using var doc = JsonDocument.Parse(RepoPaths.ReadFixture(provider, file));
        var root = doc.RootElement;
        return (root.GetProperty("request").GetProperty("body").GetString()!,
            root.GetProperty("response").GetProperty("body").GetString()!,
            root.GetProperty("response").GetProperty("status").GetInt32());
    }

    /// <summary>The UTF-8 bytes of a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
