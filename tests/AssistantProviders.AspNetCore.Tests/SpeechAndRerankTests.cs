// Licensed under the MIT License. See LICENSE in the project root.
using System.ClientModel;
using System.Net;
using System.Net.Http.Headers;
using AssistantProviders.Emulator;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using OpenAI.Audio;

namespace AssistantProviders.AspNetCore.Tests;

/// <summary>Speech-to-text (multipart), text-to-speech and rerank (Cohere's shape) through the gateway, over vendor providers pointed at an emulator.</summary>
public sealed class SpeechAndRerankTests
{
    /// <summary>A valid 16 kHz mono 16-bit WAV of 0.1 s of silence.</summary>
    private static byte[] Wav()
    {
        const int samples = 1600;
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.ASCII, leaveOpen: true))
        {
            w.Write("RIFF"u8);
            w.Write(36 + (samples * 2));
            w.Write("WAVEfmt "u8);
            w.Write(16);
            w.Write((short)1);
            w.Write((short)1);
            w.Write(16000);
            w.Write(32000);
            w.Write((short)2);
            w.Write((short)16);
            w.Write("data"u8);
            w.Write(samples * 2);
            w.Write(new byte[samples * 2]);
        }

        return stream.ToArray();
    }

    private static async Task<(EmulatorServer Upstream, GatewayHost Host)> StartAsync()
    {
        var upstream = await EmulatorServer.StartAsync(cancellationToken: Ct);
        var host = await GatewayHost.StartAsync(providers: b => b
            .AddOpenAI(o =>
            {
                o.Endpoint = upstream.OpenAIEndpoint;
                o.ApiKey = "vendor-key-openai-0003";
            })
            .AddCohere(o =>
            {
                o.Endpoint = upstream.CohereEndpoint;
                o.ApiKey = "vendor-key-cohere-0004";
            }));
        return (upstream, host);
    }

    [Fact]
    public async Task Transcription_WithTheOpenAISdk_ReturnsTheRoutedTranscript()
    {
        var (upstream, host) = await StartAsync();
        await using var _ = upstream;
        await using var __ = host;
        var client = new AudioClient("openai/whisper-1", new ApiKeyCredential(GatewayHost.KeyA), new OpenAIClientOptions { Endpoint = host.OpenAIEndpoint });

        using var audio = new MemoryStream(Wav());
        AudioTranscription transcription = (await client.TranscribeAudioAsync(audio, "speech.wav", cancellationToken: Ct)).Value;

        transcription.Text.ShouldBe(EmulatorDefaults.TranscriptText);
        upstream.Requests.ShouldContain(r => r.Path.Contains("audio/transcriptions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Transcription_TextFormat_IsPlainText_AndMissingFileIs400()
    {
        var (upstream, host) = await StartAsync();
        await using var _ = upstream;
        await using var __ = host;
        using var client = host.Client();

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Wav());
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(file, "file", "speech.wav");
        form.Add(new StringContent("openai/whisper-1"), "model");
        form.Add(new StringContent("text"), "response_format");
        using var response = await client.PostAsync("v1/audio/transcriptions", form, Ct);

        using var empty = new MultipartFormDataContent { { new StringContent("openai/whisper-1"), "model" } };
        using var missing = await client.PostAsync("v1/audio/transcriptions", empty, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe(EmulatorDefaults.TranscriptText);
        Header(response, GatewayHeaders.Provider).ShouldBe("openai");
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ((string?)Json(await missing.Content.ReadAsStringAsync(Ct))["error"]!["param"]).ShouldBe("file");
    }

    [Fact]
    public async Task Speech_ReturnsTheAudioBytes()
    {
        var (upstream, host) = await StartAsync();
        await using var _ = upstream;
        await using var __ = host;
        using var client = host.Client();

        using var response = await client.PostAsync(
            "v1/audio/speech",
            new StringContent("""{"model":"openai/tts-1","input":"Hello there","voice":"alloy","response_format":"wav"}""", System.Text.Encoding.UTF8, "application/json"),
            Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        response.Content.Headers.ContentType!.MediaType.ShouldStartWith("audio/");
        bytes.Take(4).ShouldBe("RIFF"u8.ToArray());
        Header(response, GatewayHeaders.Provider).ShouldBe("openai");
    }

    [Theory]
    [InlineData("""{"voice":"alloy"}""", "input")]
    [InlineData("""{"input":"hi","response_format":"ogg"}""", "response_format")]
    [InlineData("""{"input":"hi","speed":9}""", "speed")]
    public async Task Speech_BadRequest_Is400NamingTheField(string json, string param)
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/audio/speech", json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ((string?)Json(body)["error"]!["param"]).ShouldBe(param);
    }

    [Fact]
    public async Task Rerank_CohereShape_BestFirst_WithDocumentsWhenAsked()
    {
        var (upstream, host) = await StartAsync();
        await using var _ = upstream;
        await using var __ = host;
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/rerank", """
            {"model":"cohere/rerank-v3.5","query":"rainy weather","top_n":2,"return_documents":true,
             "documents":["sunny beach",{"text":"rainy weather in the city"},"weather report"]}
            """);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        Header(response, GatewayHeaders.Provider).ShouldBe("cohere");
        var results = Json(body)["results"]!.AsArray();
        results.Count.ShouldBe(2);
        ((int?)results[0]!["index"]).ShouldBe(1);
        ((string?)results[0]!["document"]!["text"]).ShouldBe("rainy weather in the city");
        ((double?)results[0]!["relevance_score"]).ShouldNotBeNull().ShouldBeGreaterThan((double)results[1]!["relevance_score"]!);
    }

    [Theory]
    [InlineData("""{"documents":["a"]}""", "query")]
    [InlineData("""{"query":"q","documents":[]}""", "documents")]
    [InlineData("""{"query":"q","documents":[3]}""", "documents[0]")]
    [InlineData("""{"query":"q","documents":["a"],"top_n":0}""", "top_n")]
    public async Task Rerank_BadRequest_Is400NamingTheField(string json, string param)
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/rerank", json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ((string?)Json(body)["error"]!["param"]).ShouldBe(param);
    }
}
