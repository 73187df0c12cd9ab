// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.TestUtilities;

namespace AssistantProviders.Cohere.Tests;

/// <summary>Reads the recorded Cohere payloads in ../shared/fixtures/cohere (the test skips when absent) and builds clients.</summary>
internal static class Fixtures
{
    public const string Key = "co-test-key-0123456789abcdefghij";

    public static string Read(string file) => RepoPaths.ReadFixture("cohere", file);

    /// <summary>The SSE body for a <c>*.chunks.txt</c> fixture: one <c>data:</c> event per line, named by its type, plus the spec's trailing <c>[DONE]</c>.</summary>
    public static string Sse(string file, bool done = true)
    {
        var builder = new SseBuilder();
        foreach (var line in Read(file).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var type = System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("type").GetString();
            builder.Event(line.TrimEnd('\r'), type);
        }

        return (done ? builder.Done() : builder).ToString();
    }

    public static CohereClientOptions Options(Action<CohereClientOptions>? configure = null)
    {
        var options = new CohereClientOptions { ApiKey = Key };
        configure?.Invoke(options);
        return options;
    }

    public static CohereChatClient Chat(VerbatimHttpHandler handler, Action<CohereClientOptions>? configure = null) => new(Options(configure), new HttpClient(handler));

    public static CohereEmbeddingGenerator Embeddings(VerbatimHttpHandler handler) => new(Options(), new HttpClient(handler));

    public static CohereRerankClient Rerank(VerbatimHttpHandler handler) => new(Options(), new HttpClient(handler));
}
