// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using static AssistantProviders.Emulator.Tests.Wire;

namespace AssistantProviders.Emulator.Tests;

public sealed class AssemblyAIWireTests
{
    private static async Task<JsonNode> UploadAsync(HttpClient client, byte[] audio)
    {
        using var content = new ByteArrayContent(audio);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await client.PostAsync("assemblyai/v2/upload", content, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
    }

    [Fact]
    public async Task Upload_Create_Poll_GoesQueuedProcessingCompleted()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var uploaded = await UploadAsync(client, [1, 2, 3, 4]);
        var url = (string)uploaded["upload_url"]!;
        Assert.StartsWith("https://cdn.assemblyai.com/upload/", url, StringComparison.Ordinal);

        var created = await PostJsonAsync(client, "assemblyai/v2/transcript", $$"""{"audio_url":"{{url}}","speech_models":["universal-2"],"speaker_labels":true,"sentiment_analysis":true}""");
        Assert.Equal("queued", (string?)created["status"]);
        var id = (string)created["id"]!;

        Assert.Equal("processing", (string?)(await GetJsonAsync(client, "assemblyai/v2/transcript/" + id))["status"]);
        var done = await GetJsonAsync(client, "assemblyai/v2/transcript/" + id);
        Assert.Equal("completed", (string?)done["status"]);
        Assert.Equal(EmulatorDefaults.TranscriptText, (string?)done["text"]);
        Assert.Equal("universal-2", (string?)done["speech_model_used"]);
        Assert.True((int)done["audio_duration"]! > 0);
        var utterances = done["utterances"]!.AsArray();
        Assert.Equal(["A", "B"], utterances.Select(u => (string?)u!["speaker"]));
        Assert.Equal(EmulatorDefaults.TranscriptText, string.Join(' ', utterances.Select(u => (string?)u!["text"])));
        Assert.Equal(2, done["sentiment_analysis_results"]!.AsArray().Count);
    }

    [Fact]
    public async Task ListTranscripts_AnswersAnEmptyPage()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var page = await GetJsonAsync(client, "assemblyai/v2/transcript?limit=1");

        Assert.Empty(page["transcripts"]!.AsArray());
        Assert.Equal(1, (int)page["page_details"]!["limit"]!);
    }

    [Fact]
    public async Task Errors_HaveTheErrorShape()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (missing, body) = await PostAsync(client, "assemblyai/v2/transcript", """{"speech_models":["universal-2"]}""");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("audio_url is required", (string?)JsonNode.Parse(body)!["error"]);

        var (noModels, _) = await PostAsync(client, "assemblyai/v2/transcript", """{"audio_url":"https://example.com/a.mp3"}""");
        Assert.Equal(HttpStatusCode.BadRequest, noModels.StatusCode);

        var (unknownUpload, _) = await PostAsync(client, "assemblyai/v2/transcript", """{"audio_url":"https://cdn.assemblyai.com/upload/nope","speech_models":["universal-2"]}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknownUpload.StatusCode);

        var (notFound, notFoundBody) = await GetAsync(client, "assemblyai/v2/transcript/nope");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains("not found", (string?)JsonNode.Parse(notFoundBody)!["error"], StringComparison.Ordinal);

        using var empty = new ByteArrayContent([]);
        empty.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var emptyUpload = await client.PostAsync("assemblyai/v2/upload", empty, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, emptyUpload.StatusCode);
    }

    [Fact]
    public async Task Delete_RemovesTheTranscript()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        var created = await PostJsonAsync(client, "assemblyai/v2/transcript", """{"audio_url":"https://example.com/a.mp3","speech_models":["universal-2"]}""");
        var id = (string)created["id"]!;

        using var deleted = await client.DeleteAsync("assemblyai/v2/transcript/" + id, Ct);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var (again, _) = await GetAsync(client, "assemblyai/v2/transcript/" + id);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task BareAuthorizationKey_IsChecked()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ExpectedApiKey = "aai-key" }, Ct);
        using var client = Client(server);

        var (denied, body) = await PostAsync(client, "assemblyai/v2/transcript", """{"audio_url":"https://example.com/a.mp3","speech_models":["u"]}""");
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.NotNull((string?)JsonNode.Parse(body)!["error"]);

        var (allowed, _) = await PostAsync(client, "assemblyai/v2/transcript", """{"audio_url":"https://example.com/a.mp3","speech_models":["u"]}""", r => r.Headers.TryAddWithoutValidation("Authorization", "aai-key"));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Fault429_OnUpload_HasRetryAfter()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(new EmulatorFault { Vendor = "assemblyai", Kind = FaultKind.Status429, RetryAfter = "3", Count = 1 });
        using var client = Client(server);
        using var content = new ByteArrayContent([1, 2]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        using var response = await client.PostAsync("assemblyai/v2/upload", content, Ct);

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Equal("3", response.Headers.GetValues("Retry-After").Single());
    }

    private static async Task<ClientWebSocket> ConnectAsync(EmulatorServer server, string query)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{server.BaseAddress.Port}/assemblyai/v3/ws?{query}"), Ct);
        return socket;
    }

    private static async Task<JsonNode?> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, Ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(text.ToArray());
            }
        }
    }

    [Fact]
    public async Task Socket_BeginTurnsTermination()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var socket = await ConnectAsync(server, "sample_rate=16000&encoding=pcm_s16le&format_turns=true");

        Assert.Equal("Begin", (string?)(await ReceiveAsync(socket))!["type"]);
        await socket.SendAsync(new byte[3200], WebSocketMessageType.Binary, true, Ct);
        var partial = (await ReceiveAsync(socket))!;
        Assert.Equal("Turn", (string?)partial["type"]);
        Assert.False((bool)partial["end_of_turn"]!);
        await socket.SendAsync(new byte[3200], WebSocketMessageType.Binary, true, Ct);
        await ReceiveAsync(socket);
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"type":"Terminate"}"""), WebSocketMessageType.Text, true, Ct);

        var unformatted = (await ReceiveAsync(socket))!;
        Assert.True((bool)unformatted["end_of_turn"]!);
        Assert.False((bool)unformatted["turn_is_formatted"]!);
        var formatted = (await ReceiveAsync(socket))!;
        Assert.True((bool)formatted["turn_is_formatted"]!);
        Assert.Equal(EmulatorDefaults.TranscriptText, (string?)formatted["transcript"]);
        var termination = (await ReceiveAsync(socket))!;
        Assert.Equal("Termination", (string?)termination["type"]);
        Assert.Equal(1, (int)termination["audio_duration_seconds"]!); // 6400 bytes at 32000 bytes/s, rounded up
        Assert.Null(await ReceiveAsync(socket));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
    }

    [Fact]
    public async Task Socket_BadSampleRate_ClosesWithPolicyViolation()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var socket = await ConnectAsync(server, "sample_rate=96000&encoding=pcm_s16le");

        Assert.Null(await ReceiveAsync(socket));
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, socket.CloseStatus);
    }
}
