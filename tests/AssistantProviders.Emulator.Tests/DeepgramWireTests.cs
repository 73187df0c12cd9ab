// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using static AssistantProviders.Emulator.Tests.Wire;

namespace AssistantProviders.Emulator.Tests;

public sealed class DeepgramWireTests
{
    private static byte[] Wav(int dataBytes)
    {
        var data = new byte[44 + dataBytes];
        "RIFF"u8.CopyTo(data);
        "WAVEfmt "u8.CopyTo(data.AsSpan(8));
        BitConverter.TryWriteBytes(data.AsSpan(28), 32000);
        "data"u8.CopyTo(data.AsSpan(36));
        return data;
    }

    private static async Task<(HttpResponseMessage Response, string Body)> ListenAsync(HttpClient client, string query, byte[] audio)
    {
        using var content = new ByteArrayContent(audio);
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        var response = await client.PostAsync("deepgram/v1/listen?" + query, content, Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Listen_RawAudio_AnswersTheTranscript_WithDurationWordsAndSpeakers()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (response, body) = await ListenAsync(client, "model=nova-3&diarize=true&utterances=true", Wav(64000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(body)!;
        Assert.Equal(2.0, (double)json["metadata"]!["duration"]!);
        var alternative = json["results"]!["channels"]![0]!["alternatives"]![0]!;
        Assert.Equal(EmulatorDefaults.TranscriptText, (string?)alternative["transcript"]);
        var words = alternative["words"]!.AsArray();
        Assert.Equal(EmulatorDefaults.TranscriptText.Split(' ').Length, words.Count);
        Assert.Equal(0, (int)words[0]!["speaker"]!);
        Assert.Equal(1, (int)words[^1]!["speaker"]!);
        Assert.Single(json["results"]!["utterances"]!.AsArray());
        Assert.Equal("nova-3", (string?)json["metadata"]!["model_info"]![(string)json["metadata"]!["models"]![0]!]!["arch"]);
    }

    [Fact]
    public async Task Listen_EmptyBody_IsDeepgramsBadRequest()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (response, body) = await ListenAsync(client, "model=nova-3", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("corrupt or unsupported data", (string?)JsonNode.Parse(body)!["err_msg"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_WrongKey_Is401_InDeepgramsErrorShape()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ExpectedApiKey = "right" }, Ct);
        using var client = Client(server);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", "wrong");

        var (response, body) = await ListenAsync(client, "model=nova-3", Wav(100));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("INVALID_AUTH", (string?)JsonNode.Parse(body)!["err_code"]);
    }

    [Theory]
    [InlineData("", "audio/mpeg")]
    [InlineData("&encoding=linear16", "audio/wav")]
    [InlineData("&encoding=linear16&container=none", "application/octet-stream")]
    public async Task Speak_AnswersAudioInTheAskedEncoding(string query, string mediaType)
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        using var content = new StringContent("""{"text":"Hello there"}""", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("deepgram/v1/speak?model=aura-2-thalia-en" + query, content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task LiveSocket_AnswersFinalsThenMetadata_AfterCloseStream_ThenClosesNormally()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var socket = new ClientWebSocket();
        var uri = new UriBuilder(server.DeepgramEndpoint) { Scheme = "ws", Path = "/deepgram/v1/listen", Query = "model=nova-3&interim_results=true" }.Uri;
        await socket.ConnectAsync(uri, Ct);

        await socket.SendAsync(Wav(32000), WebSocketMessageType.Binary, true, Ct);
        await socket.SendAsync("""{"type":"KeepAlive"}"""u8.ToArray(), WebSocketMessageType.Text, true, Ct);
        await socket.SendAsync("""{"type":"CloseStream"}"""u8.ToArray(), WebSocketMessageType.Text, true, Ct);
        var messages = new List<JsonNode>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, Ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            messages.Add(JsonNode.Parse(buffer.AsSpan(0, result.Count))!);
        }

        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        Assert.Equal("Metadata", (string?)messages[^1]["type"]);
        Assert.Equal(1.0, (double)messages[^1]["duration"]!);
        var finals = messages.Where(m => (string?)m["type"] == "Results" && (bool)m["is_final"]!).Select(m => (string)m["channel"]!["alternatives"]![0]!["transcript"]!).ToList();
        Assert.Equal(EmulatorDefaults.TranscriptText, string.Join(' ', finals.Where(f => f.Length > 0)));
        Assert.Contains(finals, f => f.Length == 0);
        Assert.Contains(messages, m => (string?)m["type"] == "Results" && !(bool)m["is_final"]!);
    }
}
