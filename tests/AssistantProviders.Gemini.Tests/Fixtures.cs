// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.TestUtilities;

namespace AssistantProviders.Gemini.Tests;

/// <summary>Reads the recorded Gemini payloads in ../shared/fixtures/gemini (the test skips when absent) and builds clients.</summary>
internal static class Fixtures
{
    public const string Key = "AIzaSyTEST-gemini-key-0123456789abcdef";

    public static string Read(string file) => RepoPaths.ReadFixture("gemini", file);

    /// <summary>The SSE body Gemini sends with <c>?alt=sse</c> for a <c>*.chunks.txt</c> fixture (one JSON per line).</summary>
    public static string Sse(string file) => new SseBuilder { NewLine = "\r\n" }.EventsFromChunkLines(Read(file)).ToString();

    public static GeminiClientOptions Options(Action<GeminiClientOptions>? configure = null)
    {
        var options = new GeminiClientOptions { ApiKey = Key };
        configure?.Invoke(options);
        return options;
    }

    public static GeminiChatClient Chat(VerbatimHttpHandler handler, Action<GeminiClientOptions>? configure = null) =>
        new(Options(configure), new HttpClient(handler));

    public static GeminiEmbeddingGenerator Embeddings(VerbatimHttpHandler handler, Action<GeminiClientOptions>? configure = null) =>
        new(Options(configure), new HttpClient(handler));
}
