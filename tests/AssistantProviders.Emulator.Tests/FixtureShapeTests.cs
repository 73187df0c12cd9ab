// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;
using static AssistantProviders.Emulator.Tests.Wire;

namespace AssistantProviders.Emulator.Tests;

/// <summary>
/// Compares the emulator's answers with the real recorded payloads in <c>../shared/fixtures/&lt;vendor&gt;/</c> (read in place, skipped
/// when absent): every field the emulator emits must exist, at the same place, in the vendor's recording.
/// </summary>
public sealed class FixtureShapeTests
{
    private const string Weather = """{"model":"m","messages":[{"role":"user","content":"weather?"}],"tools":[{"type":"function","function":{"name":"weather"}}]}""";
    private const string Hello = """{"model":"m","max_tokens":9,"messages":[{"role":"user","content":"Hi"}]}""";

    [Theory]
    [InlineData("openai", "openai/v1/chat/completions", Hello, "chat-text.json")]
    [InlineData("groq", "groq/openai/v1/chat/completions", Weather, "chat-tool-call.json", "content")]
    [InlineData("mistral", "mistral/v1/chat/completions", Weather, "chat-tool-call.json", "content", "logprobs", "system_fingerprint")]
    [InlineData("mistral", "mistral/v1/embeddings", """{"input":["a","b"]}""", "embedding.json")]
    [InlineData("openai", "openai/v1/embeddings", """{"input":["a","b"]}""", "embedding.json")]
    [InlineData("anthropic", "anthropic/v1/messages", Hello, "messages-text.json")]
    [InlineData("cohere", "cohere/v2/chat", Hello, "chat-text.json")]
    [InlineData("cohere", "cohere/v2/chat", Weather, "chat-tool-call.json")]
    [InlineData("cohere", "cohere/v2/embed", """{"texts":["a"]}""", "embed.json")]
    [InlineData("cohere", "cohere/v2/rerank", """{"query":"a","documents":["a","b"]}""", "rerank.json")]
    [InlineData("ollama", "ollama/api/chat", """{"model":"m","stream":false,"messages":[{"role":"user","content":"Hi"}]}""", "chat.json", "done_reason")]
    [InlineData("ollama", "ollama/api/chat", """{"model":"m","stream":false,"messages":[{"role":"user","content":"weather"}],"tools":[{"type":"function","function":{"name":"weather"}}]}""", "chat-tools.json", "location")]
    [InlineData("ollama", "ollama/api/embed", """{"model":"m","input":"a"}""", "embed.json")]
    [InlineData("gemini", "gemini/v1beta/models/m:generateContent", """{"contents":[{"parts":[{"text":"Hi"}]}]}""", "generate-text.json")]
    [InlineData("gemini", "gemini/v1beta/models/m:generateContent", """{"contents":[{"parts":[{"text":"weather"}]}],"tools":[{"functionDeclarations":[{"name":"weather"}]}]}""", "generate-tool-call.json")]
    [InlineData("gemini", "gemini/v1beta/models/m:embedContent", """{"content":{"parts":[{"text":"a"}]}}""", "embed-content.json")]
    [InlineData("gemini", "gemini/v1beta/models/m:batchEmbedContents", """{"requests":[{"content":{"parts":[{"text":"a"}]}}]}""", "batch-embed-contents.json")]
    public async Task NonStreamingAnswer_UsesOnlyFieldsOfTheRecording(string vendor, string path, string request, string fixture, params string[] allowedExtras)
    {
        var recorded = JsonNode.Parse(await File.ReadAllTextAsync(FixturePath(vendor, fixture), Ct))!;
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var answer = await PostJsonAsync(client, path, request);

        AssertSubset(answer, recorded, "$", allowedExtras);
    }

    [Theory]
    [InlineData("openai", "openai/v1/chat/completions", """{"stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Hi"}]}""", "stream-text.chunks.txt")]
    [InlineData("groq", "groq/openai/v1/chat/completions", """{"stream":true,"messages":[{"role":"user","content":"weather"}],"tools":[{"type":"function","function":{"name":"weather"}}]}""", "stream-tool-call.chunks.txt", "logprobs", "usage")]
    [InlineData("mistral", "mistral/v1/chat/completions", """{"stream":true,"messages":[{"role":"user","content":"Hi"}]}""", "stream-text.chunks.txt", "system_fingerprint")]
    [InlineData("anthropic", "anthropic/v1/messages", """{"stream":true,"max_tokens":9,"messages":[{"role":"user","content":"Hi"}]}""", "stream-text.chunks.txt")]
    [InlineData("anthropic", "anthropic/v1/messages", """{"stream":true,"max_tokens":9,"messages":[{"role":"user","content":"weather"}],"tools":[{"name":"weather"}]}""", "stream-tool-use.chunks.txt")]
    [InlineData("cohere", "cohere/v2/chat", """{"stream":true,"messages":[{"role":"user","content":"Hi"}]}""", "stream-text.chunks.txt")]
    [InlineData("cohere", "cohere/v2/chat", """{"stream":true,"messages":[{"role":"user","content":"weather"}],"tools":[{"type":"function","function":{"name":"weather"}}]}""", "stream-tool-call.chunks.txt")]
    [InlineData("gemini", "gemini/v1beta/models/m:streamGenerateContent?alt=sse", """{"contents":[{"parts":[{"text":"Hi"}]}]}""", "stream-text.chunks.txt")]
    public async Task StreamChunks_UseOnlyFieldsOfTheRecording(string vendor, string path, string request, string fixture, params string[] allowedExtras)
    {
        var recorded = (await File.ReadAllLinesAsync(FixturePath(vendor, fixture), Ct))
            .Where(l => l.Length > 0)
            .Select(l => JsonNode.Parse(l)!)
            .ToList();
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (_, body) = await PostAsync(client, path, request);
        var chunks = Json(ParseSse(body));

        Assert.NotEmpty(chunks);
        foreach (var chunk in chunks)
        {
            // Compare with the recorded chunk of the same type (typed streams) or the richest recorded chunk.
            var type = (string?)chunk["type"];
            var candidates = type is null ? recorded : recorded.Where(r => (string?)r["type"] == type).ToList();
            Assert.True(candidates.Count > 0 || type is "citation-start" or "citation-end" or "content-start" or "content-delta" or "content-end" or "ping", $"no recorded '{type}' chunk");
            if (candidates.Count > 0)
            {
                var failures = candidates.Select(c => Subset(chunk, c, "$", allowedExtras)).ToList();
                Assert.True(failures.Any(f => f is null), $"{chunk.ToJsonString()}: {failures.First()}");
            }
        }
    }

    internal static string FixturePath(string vendor, string fixture)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AssistantProviders.sln")))
        {
            dir = dir.Parent;
        }

        var path = dir is null ? null : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures", vendor, fixture));
        if (path is null || !File.Exists(path))
        {
            var message = $"Fixture {vendor}/{fixture} is not available (looked for {path ?? "../shared beside AssistantProviders.sln"}).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                // CI always lays out ../shared beside the clone: a missing fixture there is a broken setup, not a reason to skip.
                Assert.Fail(message + " CI=true, so the shared fixtures are required.");
            }

            Assert.Skip(message);
        }

        return path;
    }

    private static void AssertSubset(JsonNode? ours, JsonNode? recorded, string path, string[] allowedExtras)
    {
        var failure = Subset(ours, recorded, path, allowedExtras);
        Assert.True(failure is null, failure);
    }

    /// <summary>Null when every property of <paramref name="ours"/> exists in <paramref name="recorded"/> (recursively), else where it does not.</summary>
    private static string? Subset(JsonNode? ours, JsonNode? recorded, string path, string[] allowedExtras)
    {
        switch (ours, recorded)
        {
            case (JsonObject o, JsonObject r):
                foreach (var (name, value) in o)
                {
                    if (!r.ContainsKey(name))
                    {
                        if (!allowedExtras.Contains(name))
                        {
                            return $"{path}.{name} is not in the recording";
                        }

                        continue;
                    }

                    if (Subset(value, r[name], $"{path}.{name}", allowedExtras) is { } failure)
                    {
                        return failure;
                    }
                }

                return null;
            case (JsonArray o, JsonArray r) when o.Count > 0 && r.Count > 0:
                return o.Select(item => Subset(item, r[0], path + "[]", allowedExtras)).FirstOrDefault(f => f is not null);
            default:
                return null;
        }
    }
}
