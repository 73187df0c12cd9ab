// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using static AssistantProviders.Emulator.Tests.Wire;

namespace AssistantProviders.Emulator.Tests;

/// <summary>The Hugging Face feature-extraction pipeline (<c>huggingface/hf-inference/...</c>) the HuggingFace embedding generator calls.</summary>
public sealed class HuggingFaceWireTests
{
    private const string Route = "huggingface/hf-inference/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction";

    [Fact]
    public async Task FeatureExtraction_List_ReturnsOneUnitVectorPerInput_InOrder_Deterministic()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, Route, """{"inputs":["hello world","goodbye","hello world"],"normalize":true}""");
        var again = await PostJsonAsync(client, Route, """{"inputs":["goodbye"]}""");

        var vectors = json.AsArray().Select(v => v!.AsArray().Select(x => (float)x!).ToArray()).ToList();
        Assert.Equal(3, vectors.Count);
        Assert.All(vectors, v => Assert.Equal(EmulatorDefaults.EmbeddingDimensions, v.Length));
        Assert.Equal(vectors[0], vectors[2]);
        Assert.NotEqual(vectors[0], vectors[1]);
        Assert.Equal(vectors[1], again.AsArray().Single()!.AsArray().Select(x => (float)x!).ToArray());
        Assert.InRange(Math.Sqrt(vectors[0].Sum(x => (double)x * x)), 0.999, 1.001);
        Assert.Equal(2, server.GetRouteCount("POST", "/" + Route));
    }

    [Fact]
    public async Task FeatureExtraction_SingleString_IsABareVector_AsInTheRecording()
    {
        using var tape = JsonDocument.Parse(await File.ReadAllTextAsync(FixtureShapeTests.FixturePath("huggingface", "feature-extraction.tape.json"), Ct));
        var recordedRequest = tape.RootElement.GetProperty("request").GetProperty("body").GetString()!;
        var recorded = JsonNode.Parse(tape.RootElement.GetProperty("response").GetProperty("body").GetString()!)!;
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        // The recorded request ({"inputs":"That is a happy person"}) sent to both the current and the older (recorded) route.
        var answer = await PostJsonAsync(client, Route, recordedRequest);
        var legacy = await PostJsonAsync(client, "huggingface/hf-inference/pipeline/feature-extraction/sentence-transformers/all-MiniLM-L6-v2", recordedRequest);

        Assert.All(new[] { recorded, answer, legacy }, node => Assert.All(node.AsArray(), x => Assert.Equal(JsonValueKind.Number, x!.GetValueKind())));
        Assert.Equal(EmulatorDefaults.EmbeddingDimensions, answer.AsArray().Count);
        Assert.Equal(answer.ToJsonString(), legacy.ToJsonString());
    }

    [Theory]
    [InlineData("""{"inputs":[]}""")]
    [InlineData("""{"inputs":[1,2]}""")]
    [InlineData("""{"text":"no inputs"}""")]
    public async Task FeatureExtraction_InvalidInputs_Is422_WithTheFlatErrorShape(string request)
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (response, body) = await PostAsync(client, Route, request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = JsonNode.Parse(body)!;
        Assert.Equal(JsonValueKind.String, error["error"]!.GetValueKind());
        Assert.Equal("validation", (string?)error["error_type"]);
    }

    [Fact]
    public async Task FeatureExtraction_WrongKey_Is401_AndAFaultMatchesTheModelInThePath()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ExpectedApiKey = "hf_secret" }, Ct);
        using var client = Client(server);
        server.Faults.Add(new EmulatorFault { Vendor = "huggingface", Model = "sentence-transformers/all-MiniLM-L6-v2", Kind = FaultKind.Status429, RetryAfter = "4", Count = 1 });
        static void Auth(HttpRequestMessage r) => r.Headers.Authorization = new("Bearer", "hf_secret");

        var (denied, deniedBody) = await PostAsync(client, Route, """{"inputs":["a"]}""");
        var (otherModel, _) = await PostAsync(client, "huggingface/hf-inference/models/BAAI/bge-small-en-v1.5/pipeline/feature-extraction", """{"inputs":["a"]}""", Auth);
        var (limited, limitedBody) = await PostAsync(client, Route, """{"inputs":["a"]}""", Auth);
        var (allowed, _) = await PostAsync(client, Route, """{"inputs":["a"]}""", Auth);

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal(JsonValueKind.String, JsonNode.Parse(deniedBody)!["error"]!.GetValueKind());
        Assert.Equal(HttpStatusCode.OK, otherModel.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("4", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("rate_limit_error", (string?)JsonNode.Parse(limitedBody)!["error_type"]);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Chat_StaysOpenAICompatible_AndUnknownPipelinesAre404()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var chat = await PostJsonAsync(client, "huggingface/v1/chat/completions", """{"model":"m","messages":[{"role":"user","content":"Hi"}]}""");
        var (unknown, _) = await PostAsync(client, "huggingface/hf-inference/models/m/pipeline/text-classification", """{"inputs":"a"}""");

        Assert.Equal("chat.completion", (string?)chat["object"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
