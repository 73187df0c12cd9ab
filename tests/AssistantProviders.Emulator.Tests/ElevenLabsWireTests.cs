// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using static AssistantProviders.Emulator.Tests.Wire;

namespace AssistantProviders.Emulator.Tests;

public sealed class ElevenLabsWireTests
{
    private const string Voice = "21m00Tcm4TlvDq8ikWAM";

    [Fact]
    public async Task TextToSpeech_ReturnsAudio_InTheRequestedFormat_WithTheBilledCharacters()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (mp3, _) = await PostAsync(client, $"elevenlabs/v1/text-to-speech/{Voice}", """{"text":"Hello there world"}""");
        var (pcm, _) = await PostAsync(client, $"elevenlabs/v1/text-to-speech/{Voice}/stream?output_format=pcm_16000", """{"text":"Hello there world"}""");

        Assert.Equal(HttpStatusCode.OK, mp3.StatusCode);
        Assert.Equal("audio/mpeg", ContentType(mp3)!.MediaType);
        Assert.Equal(0xFF, (await mp3.Content.ReadAsByteArrayAsync(Ct))[0]);
        Assert.Equal("17", mp3.Headers.GetValues("character-cost").Single());
        Assert.Equal("audio/pcm", ContentType(pcm)!.MediaType);
    }

    [Fact]
    public async Task UnknownVoice_Is404_InElevenLabsErrorShape()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (response, body) = await PostAsync(client, "elevenlabs/v1/text-to-speech/nope", """{"text":"Hi"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("voice_not_found", (string?)JsonNode.Parse(body)!["detail"]!["status"]);
    }

    [Fact]
    public async Task SpeechToText_ReturnsScribeJson_WithTwoSpeakers_WhenDiarized()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("scribe_v1"), "model_id" },
            { new StringContent("true"), "diarize" },
            { new ByteArrayContent([1, 2, 3]), "file", "a.wav" },
        };

        using var response = await client.PostAsync("elevenlabs/v1/speech-to-text", form, Ct);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(EmulatorDefaults.TranscriptText, (string?)json["text"]);
        var words = json["words"]!.AsArray();
        Assert.Equal(EmulatorDefaults.TranscriptText, string.Concat(words.Select(w => (string?)w!["text"])));
        Assert.Equal(["speaker_0", "speaker_1"], words.Select(w => (string?)w!["speaker_id"]).Distinct());
    }

    [Fact]
    public async Task ClonedVoice_IsListed_Speaks_AndCanBeDeleted()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Mine"), "name" },
            { new ByteArrayContent([1, 2, 3]), "files", "me.mp3" },
        };

        using var added = await client.PostAsync("elevenlabs/v1/voices/add", form, Ct);
        var id = (string)JsonNode.Parse(await added.Content.ReadAsStringAsync(Ct))!["voice_id"]!;
        var voices = await GetJsonAsync(client, "elevenlabs/v1/voices");
        var (speech, _) = await PostAsync(client, $"elevenlabs/v1/text-to-speech/{id}", """{"text":"Hi"}""");
        using var deleted = await client.DeleteAsync($"elevenlabs/v1/voices/{id}", Ct);
        var (gone, _) = await GetAsync(client, $"elevenlabs/v1/voices/{id}");

        Assert.Contains(voices["voices"]!.AsArray(), v => (string?)v!["voice_id"] == id);
        Assert.Equal(HttpStatusCode.OK, speech.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Models_AreABareArray()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var (_, body) = await GetAsync(client, "elevenlabs/v1/models");

        Assert.Contains(JsonNode.Parse(body)!.AsArray(), m => (string?)m!["model_id"] == "eleven_multilingual_v2");
    }

    [Fact]
    public async Task StreamInput_SpeaksEachTriggeredPiece_ThenSendsIsFinal_AndClosesNormally()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{server.BaseAddress.Authority}/elevenlabs/v1/text-to-speech/{Voice}/stream-input?model_id=eleven_flash_v2_5"), Ct);

        foreach (var message in new[] { """{"text":" "}""", """{"text":"Hello world ","try_trigger_generation":true}""", """{"text":"again ","flush":true}""", """{"text":""}""" })
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, Ct);
        }

        var received = new List<JsonNode>();
        var buffer = new byte[1 << 16];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, Ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            received.Add(JsonNode.Parse(buffer.AsSpan(0, result.Count))!);
        }

        Assert.Equal(3, received.Count);
        Assert.All(received.Take(2), m => Assert.NotEmpty(Convert.FromBase64String((string)m["audio"]!)));
        Assert.Equal("H", (string?)received[0]["alignment"]!["chars"]![0]);
        Assert.True((bool)received[2]["isFinal"]!);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
    }
}
