// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json.Nodes;
using static AssistantProviders.Emulator.Tests.Wire;

namespace AssistantProviders.Emulator.Tests;

public sealed class GeminiWireTests
{
    private const string Hello = """{"contents":[{"role":"user","parts":[{"text":"Hi there"}]}]}""";
    private const string Weather = """{"contents":[{"role":"user","parts":[{"text":"weather?"}]}],"tools":[{"functionDeclarations":[{"name":"get_weather"}]}]}""";

    [Fact]
    public async Task GenerateContent_HasCandidatesAndUsageMetadata()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, "gemini/v1beta/models/gemini-x:generateContent", Hello);

        var candidate = json["candidates"]![0]!;
        Assert.Equal("model", (string?)candidate["content"]!["role"]);
        Assert.Equal(EmulatorDefaults.AnswerText, (string?)candidate["content"]!["parts"]![0]!["text"]);
        Assert.Equal("STOP", (string?)candidate["finishReason"]);
        Assert.Equal(2, (int)json["usageMetadata"]!["promptTokenCount"]!);
        Assert.Equal(4, (int)json["usageMetadata"]!["candidatesTokenCount"]!);
        Assert.Equal(6, (int)json["usageMetadata"]!["totalTokenCount"]!);
        Assert.Equal("gemini-x", (string?)json["modelVersion"]);
    }

    [Fact]
    public async Task StreamGenerateContent_AltSse_SendsDataChunksEndingWithStop()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (response, body) = await PostAsync(client, "gemini/v1beta/models/gemini-x:streamGenerateContent?alt=sse", Hello);

        Assert.Equal("text/event-stream", ContentType(response)?.MediaType);
        var chunks = Json(ParseSse(body));
        Assert.True(chunks.Count >= 4);
        Assert.Equal(EmulatorDefaults.AnswerText, string.Concat(chunks.Select(c => (string?)c["candidates"]![0]!["content"]!["parts"]![0]!["text"])));
        Assert.All(chunks.SkipLast(1), c => Assert.Null(c["candidates"]![0]!["finishReason"]));
        Assert.Equal("STOP", (string?)chunks[^1]["candidates"]![0]!["finishReason"]);
        Assert.NotNull(chunks[^1]["usageMetadata"]);
    }

    [Fact]
    public async Task StreamGenerateContent_WithoutAlt_IsOneJsonArray()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (_, body) = await PostAsync(client, "gemini/v1beta/models/gemini-x:streamGenerateContent", Hello);

        var array = JsonNode.Parse(body)!.AsArray();
        Assert.Equal("STOP", (string?)array[^1]!["candidates"]![0]!["finishReason"]);
    }

    [Fact]
    public async Task GenerateContent_Tools_ReturnsFunctionCallPart()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, "gemini/v1beta/models/gemini-x:generateContent", Weather);

        var call = json["candidates"]![0]!["content"]!["parts"]![0]!["functionCall"]!;
        Assert.Equal("get_weather", (string?)call["name"]);
        Assert.Equal("Paris", (string?)call["args"]!["location"]);
    }

    [Fact]
    public async Task GenerateContent_FunctionResponse_IsQuoted()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, "gemini/v1beta/models/gemini-x:generateContent",
            """{"contents":[{"role":"user","parts":[{"text":"weather?"}]},{"role":"model","parts":[{"functionCall":{"name":"get_weather","args":{}}}]},{"role":"user","parts":[{"functionResponse":{"name":"get_weather","response":{"sky":"clear"}}}]}],"tools":[{"functionDeclarations":[{"name":"get_weather"}]}]}""");

        Assert.Contains("clear", (string?)json["candidates"]![0]!["content"]!["parts"]![0]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContentFilterFault_ReturnsSafetyFinishAndBlockReason()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.Create("gemini", FaultKind.ContentFilter));
        using var client = Client(server);

        var json = await PostJsonAsync(client, "gemini/v1beta/models/gemini-x:generateContent", Hello);

        Assert.Equal("SAFETY", (string?)json["candidates"]![0]!["finishReason"]);
        Assert.Equal("SAFETY", (string?)json["promptFeedback"]!["blockReason"]);
    }

    [Fact]
    public async Task EmbedContent_AndBatchEmbedContents_ReturnValues()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var single = await PostJsonAsync(client, "gemini/v1beta/models/emu-embed:embedContent", """{"content":{"parts":[{"text":"a"}]}}""");
        var batch = await PostJsonAsync(client, "gemini/v1beta/models/emu-embed:batchEmbedContents",
            """{"requests":[{"model":"models/emu-embed","content":{"parts":[{"text":"a"}]}},{"model":"models/emu-embed","content":{"parts":[{"text":"b"}]},"outputDimensionality":4}]}""");

        Assert.Equal(EmulatorDefaults.EmbeddingDimensions, single["embedding"]!["values"]!.AsArray().Count);
        Assert.Equal(2, batch["embeddings"]!.AsArray().Count);
        Assert.Equal(single["embedding"]!["values"]!.ToJsonString(), batch["embeddings"]![0]!["values"]!.ToJsonString());
        Assert.Equal(4, batch["embeddings"]![1]!["values"]!.AsArray().Count);
    }

    [Fact]
    public async Task Models_ListUsesModelsPrefix()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await GetJsonAsync(client, "gemini/v1beta/models");

        Assert.Equal(EmulatorDefaults.Models.Select(m => "models/" + m), json["models"]!.AsArray().Select(m => (string)m!["name"]!));
        Assert.Contains("generateContent", json["models"]![0]!["supportedGenerationMethods"]!.AsArray().Select(m => (string)m!));
    }

    [Fact]
    public async Task RateLimitFault_HasGoogleErrorShapeWithRetryInfo()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.RateLimited("gemini", retryAfter: "7"));
        using var client = Client(server);

        var (response, body) = await PostAsync(client, "gemini/v1beta/models/gemini-x:generateContent", Hello);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var error = JsonNode.Parse(body)!["error"]!;
        Assert.Equal(429, (int)error["code"]!);
        Assert.Equal("RESOURCE_EXHAUSTED", (string?)error["status"]);
        Assert.Equal("7s", (string?)error["details"]![0]!["retryDelay"]);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
    }
}
