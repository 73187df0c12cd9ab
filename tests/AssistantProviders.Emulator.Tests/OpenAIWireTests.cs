// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using static AssistantProviders.Emulator.Tests.Wire;

namespace AssistantProviders.Emulator.Tests;

public sealed class OpenAIWireTests
{
    private const string Hello = """{"model":"gpt-x","messages":[{"role":"user","content":"Hi there"}]}""";
    private const string Weather = """{"model":"gpt-x","messages":[{"role":"user","content":"What's the weather?"}],"tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}},{"type":"function","function":{"name":"other"}}]}""";

    [Fact]
    public async Task Chat_NonStreaming_HasOpenAIShape_AndEchoesModel()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, "openai/v1/chat/completions", Hello);

        Assert.Equal("chat.completion", (string?)json["object"]);
        Assert.StartsWith("chatcmpl-", (string?)json["id"], StringComparison.Ordinal);
        Assert.Equal("gpt-x", (string?)json["model"]);
        var choice = json["choices"]![0]!;
        Assert.Equal("assistant", (string?)choice["message"]!["role"]);
        Assert.Equal(EmulatorDefaults.AnswerText, (string?)choice["message"]!["content"]);
        Assert.Equal("stop", (string?)choice["finish_reason"]);
        Assert.Equal(2, (int)json["usage"]!["prompt_tokens"]!);
        Assert.Equal(4, (int)json["usage"]!["completion_tokens"]!);
        Assert.Equal(6, (int)json["usage"]!["total_tokens"]!);
    }

    [Fact]
    public async Task Chat_WithoutModel_EchoesDefaultModel()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, "openai/v1/chat/completions", """{"messages":[{"role":"user","content":"Hi"}]}""");

        Assert.Equal(EmulatorDefaults.CheapModel, (string?)json["model"]);
    }

    [Fact]
    public async Task Chat_Streaming_SendsRoleFirst_OneChunkPerWord_FinishUsageAndDone()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (response, body) = await PostAsync(client, "openai/v1/chat/completions",
            """{"model":"gpt-x","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Hi"}]}""");

        Assert.Equal("text/event-stream", ContentType(response)?.MediaType);
        var events = ParseSse(body);
        Assert.Equal("[DONE]", events[^1].Data);
        var chunks = Json(events);
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", (string?)c["object"]));
        Assert.Equal("assistant", (string?)chunks[0]["choices"]![0]!["delta"]!["role"]);
        var contents = chunks.Skip(1).Select(c => (string?)c["choices"]!.AsArray().FirstOrDefault()?["delta"]?["content"]).Where(c => c is not null).ToList();
        Assert.True(contents.Count >= 4, "one chunk per word");
        Assert.Equal(EmulatorDefaults.AnswerText, string.Concat(contents));
        Assert.Equal("stop", (string?)chunks[^2]["choices"]![0]!["finish_reason"]);
        Assert.Empty(chunks[^1]["choices"]!.AsArray());
        Assert.Equal(4, (int)chunks[^1]["usage"]!["completion_tokens"]!);
    }

    [Fact]
    public async Task Chat_Streaming_WithoutIncludeUsage_HasNoUsageChunk()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (_, body) = await PostAsync(client, "openai/v1/chat/completions", """{"stream":true,"messages":[{"role":"user","content":"Hi"}]}""");

        var chunks = Json(ParseSse(body));
        Assert.All(chunks, c => Assert.Null(c["usage"]));
        Assert.Equal("stop", (string?)chunks[^1]["choices"]![0]!["finish_reason"]);
    }

    [Fact]
    public async Task Chat_Tools_WeatherQuestion_CallsFirstToolWithParis()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, "openai/v1/chat/completions", Weather);

        var choice = json["choices"]![0]!;
        Assert.Equal("tool_calls", (string?)choice["finish_reason"]);
        var call = choice["message"]!["tool_calls"]![0]!;
        Assert.Equal("function", (string?)call["type"]);
        Assert.Equal("get_weather", (string?)call["function"]!["name"]);
        Assert.Equal("Paris", (string?)JsonNode.Parse((string)call["function"]!["arguments"]!)!["location"]);
        Assert.False(string.IsNullOrEmpty((string?)call["id"]));
    }

    [Fact]
    public async Task Chat_Tools_NoWeather_AnswersText_UnlessRequired()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        var tools = """[{"type":"function","function":{"name":"lookup"}}]""";

        var plain = await PostJsonAsync(client, "openai/v1/chat/completions", $$"""{"messages":[{"role":"user","content":"Hi"}],"tools":{{tools}}}""");
        var required = await PostJsonAsync(client, "openai/v1/chat/completions", $$"""{"messages":[{"role":"user","content":"Hi"}],"tools":{{tools}},"tool_choice":"required"}""");

        Assert.Equal("stop", (string?)plain["choices"]![0]!["finish_reason"]);
        Assert.Equal("lookup", (string?)required["choices"]![0]!["message"]!["tool_calls"]![0]!["function"]!["name"]);
    }

    [Fact]
    public async Task Chat_Tools_Streaming_SendsIndexedIncrementalDeltas()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (_, body) = await PostAsync(client, "openai/v1/chat/completions", Weather.Replace("{\"model\"", "{\"stream\":true,\"model\"", StringComparison.Ordinal));

        var chunks = Json(ParseSse(body));
        var deltas = chunks.SelectMany(c => c["choices"]![0]!["delta"]!["tool_calls"]?.AsArray() ?? []).ToList();
        Assert.True(deltas.Count >= 2, "the call is streamed in several deltas");
        Assert.All(deltas, d => Assert.Equal(0, (int)d!["index"]!));
        Assert.Equal("get_weather", (string?)deltas[0]!["function"]!["name"]);
        var arguments = string.Concat(deltas.Select(d => (string?)d!["function"]!["arguments"]));
        Assert.Equal("Paris", (string?)JsonNode.Parse(arguments)!["location"]);
        Assert.Equal("tool_calls", (string?)chunks[^1]["choices"]![0]!["finish_reason"]);
    }

    [Fact]
    public async Task Chat_ToolResult_IsQuotedInTextAnswer()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, "openai/v1/chat/completions",
            """{"messages":[{"role":"user","content":"weather?"},{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"get_weather","arguments":"{}"}}]},{"role":"tool","tool_call_id":"c1","content":"sunny, 21C"}],"tools":[{"type":"function","function":{"name":"get_weather"}}]}""");

        Assert.Equal("stop", (string?)json["choices"]![0]!["finish_reason"]);
        Assert.Contains("sunny, 21C", (string?)json["choices"]![0]!["message"]!["content"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_JsonMode_AnswersParseableJson()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, "openai/v1/chat/completions", """{"response_format":{"type":"json_object"},"messages":[{"role":"user","content":"Hi"}]}""");

        var content = JsonNode.Parse((string)json["choices"]![0]!["message"]!["content"]!)!;
        Assert.Equal(EmulatorDefaults.AnswerText, (string?)content["answer"]);
    }

    [Fact]
    public async Task Groq_NonStreaming_HasXGroq_AndStreamFinalChunkCarriesXGroqUsage()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var json = await PostJsonAsync(client, "groq/openai/v1/chat/completions", Hello);
        var (_, body) = await PostAsync(client, "groq/openai/v1/chat/completions", """{"stream":true,"messages":[{"role":"user","content":"Hi"}]}""");

        Assert.StartsWith("req_", (string?)json["x_groq"]!["id"], StringComparison.Ordinal);
        var events = ParseSse(body);
        Assert.Equal("[DONE]", events[^1].Data);
        var final = Json(events)[^1];
        Assert.Equal("stop", (string?)final["choices"]![0]!["finish_reason"]);
        Assert.Equal(4, (int)final["x_groq"]!["usage"]!["completion_tokens"]!);
    }

    [Fact]
    public async Task Mistral_StreamedToolCall_IsWholeWithoutIndex()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (_, body) = await PostAsync(client, "mistral/v1/chat/completions", Weather.Replace("{\"model\"", "{\"stream\":true,\"model\"", StringComparison.Ordinal));

        var chunks = Json(ParseSse(body));
        var deltas = chunks.SelectMany(c => c["choices"]![0]!["delta"]!["tool_calls"]?.AsArray() ?? []).ToList();
        var call = Assert.Single(deltas)!;
        Assert.Null(call["index"]);
        Assert.Equal(EmulatorDefaults.ToolArgumentsJson, (string?)call["function"]!["arguments"]);
        Assert.NotNull(chunks[^1]["usage"]);
    }

    [Fact]
    public async Task GenericVendorPrefix_ServesOpenAICompatibleChat()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = new HttpClient();

        var json = await PostJsonAsync(client, new Uri(server.GetOpenAICompatibleEndpoint("perplexity"), "chat/completions").ToString(), Hello);

        Assert.Equal(EmulatorDefaults.AnswerText, (string?)json["choices"]![0]!["message"]!["content"]);
        Assert.Equal(1, server.GetRequestCount("perplexity"));
    }

    [Fact]
    public async Task Embeddings_AreDeterministic_AndHonorDimensions()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var first = await PostJsonAsync(client, "openai/v1/embeddings", """{"model":"emu-embed","input":["a b","c"]}""");
        var again = await PostJsonAsync(client, "openai/v1/embeddings", """{"model":"emu-embed","input":["a b","c"]}""");
        var sized = await PostJsonAsync(client, "openai/v1/embeddings", """{"input":"a b","dimensions":16}""");

        Assert.Equal("list", (string?)first["object"]);
        Assert.Equal(2, first["data"]!.AsArray().Count);
        Assert.Equal(EmulatorDefaults.EmbeddingDimensions, first["data"]![0]!["embedding"]!.AsArray().Count);
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        Assert.NotEqual(first["data"]![0]!["embedding"]!.ToJsonString(), first["data"]![1]!["embedding"]!.ToJsonString());
        Assert.Equal(16, sized["data"]![0]!["embedding"]!.AsArray().Count);
        Assert.Equal(3, (int)first["usage"]!["prompt_tokens"]!);
    }

    [Fact]
    public async Task Embeddings_Base64_DecodesToSameFloats()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var floats = await PostJsonAsync(client, "openai/v1/embeddings", """{"input":"hello"}""");
        var base64 = await PostJsonAsync(client, "openai/v1/embeddings", """{"input":"hello","encoding_format":"base64"}""");

        var bytes = Convert.FromBase64String((string)base64["data"]![0]!["embedding"]!);
        var decoded = Enumerable.Range(0, bytes.Length / 4).Select(i => BitConverter.ToSingle(bytes, i * 4)).ToArray();
        var expected = floats["data"]![0]!["embedding"]!.AsArray().Select(v => (float)v!).ToArray();
        Assert.Equal(expected, decoded);
    }

    [Fact]
    public async Task Models_ListsConfiguredModels()
    {
        var options = new EmulatorOptions();
        options.Models["groq"] = ["llama-3.3-70b-versatile"];
        await using var server = await EmulatorServer.StartAsync(options, Ct);
        using var client = Client(server);

        var openai = await GetJsonAsync(client, "openai/v1/models");
        var groq = await GetJsonAsync(client, "groq/openai/v1/models");
        var (missing, _) = await GetAsync(client, "openai/v1/models/nope");

        Assert.Equal("list", (string?)openai["object"]);
        Assert.Equal(EmulatorDefaults.Models, openai["data"]!.AsArray().Select(m => (string)m!["id"]!));
        Assert.All(openai["data"]!.AsArray(), m => Assert.Equal("model", (string?)m!["object"]));
        Assert.Equal("llama-3.3-70b-versatile", (string?)Assert.Single(groq["data"]!.AsArray())!["id"]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Transcription_Multipart_ReturnsDeterministicText()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent([1, 2, 3, 4]);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(file, "file", "a.wav");
        form.Add(new StringContent("whisper-1"), "model");

        using var response = await client.PostAsync("groq/openai/v1/audio/transcriptions", form, Ct);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EmulatorDefaults.TranscriptText, (string?)json["text"]);
        Assert.StartsWith("And so my fellow Americans", EmulatorDefaults.TranscriptText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transcription_TextFormat_ReturnsPlainText()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent([1, 2]), "file", "a.mp3");
        form.Add(new StringContent("text"), "response_format");

        using var response = await client.PostAsync("openai/v1/audio/transcriptions", form, Ct);

        Assert.Equal("text/plain", ContentType(response)?.MediaType);
        Assert.Equal(EmulatorDefaults.TranscriptText, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Speech_Wav_IsRiffWave_AndMp3HasFrameSync()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        using var wav = await client.PostAsync("openai/v1/audio/speech", new StringContent("""{"model":"tts-1","input":"hello world","voice":"alloy","response_format":"wav"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        using var mp3 = await client.PostAsync("openai/v1/audio/speech", new StringContent("""{"model":"tts-1","input":"hello world","voice":"alloy"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        var wavBytes = await wav.Content.ReadAsByteArrayAsync(Ct);
        var mp3Bytes = await mp3.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal("audio/wav", ContentType(wav)?.MediaType);
        Assert.Equal("RIFF"u8.ToArray(), wavBytes[..4]);
        Assert.Equal("WAVE"u8.ToArray(), wavBytes[8..12]);
        Assert.Equal(wavBytes.Length - 8, BitConverter.ToInt32(wavBytes, 4));
        Assert.Equal("audio/mpeg", ContentType(mp3)?.MediaType);
        Assert.Equal(0xFF, mp3Bytes[0]);
        Assert.Equal(0xE0, mp3Bytes[1] & 0xE0);
    }

    [Fact]
    public async Task InvalidJsonBody_Gets400WithOpenAIErrorShape()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (response, body) = await PostAsync(client, "openai/v1/chat/completions", "{not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(body)!["error"]!;
        Assert.Equal("invalid_request_error", (string?)error["type"]);
        Assert.NotNull(error["message"]);
        Assert.True(error.AsObject().ContainsKey("param"));
        Assert.True(error.AsObject().ContainsKey("code"));
    }
}
