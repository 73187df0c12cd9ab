// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.OpenAI.Tests;

public sealed class OpenAISpeechTests
{
    private const string Key = "sk-test-1234567890";

    [Fact]
    public async Task Transcription_Fixture_SendsMultipart_AndMapsVerboseJson()
    {
        var handler = new VerbatimHttpHandler { ExpectedMethod = HttpMethod.Post, ExpectedPath = "/v1/audio/transcriptions" }
            .Respond(RepoPaths.ReadFixture("openai", "transcription.json"));
        using var client = new OpenAISpeechToTextClient(new OpenAIClientOptions { ApiKey = Key }, new HttpClient(handler));
        using var audio = new MemoryStream([1, 2, 3, 4]);

        var response = await client.GetTextAsync(audio, new SpeechToTextOptions
        {
            SpeechLanguage = "en",
            AdditionalProperties = new() { [OpenAIPropertyNames.TranscriptionPrompt] = "Galileo", [OpenAIPropertyNames.AudioFileName] = "clip.mp3" },
        });

        response.Text.ShouldStartWith("Galileo was an American robotic space program");
        response.ModelId.ShouldBe("whisper-1");
        response.EndTime!.Value.TotalSeconds.ShouldBe(36.71, 0.001);
        response.Usage!.AdditionalCounts!["audio_seconds"].ShouldBe(37);
        response.AdditionalProperties!["language"].ShouldBe("english");
        response.AdditionalProperties[AssistantProviderProperties.Provider].ShouldBe("openai");
        audio.CanRead.ShouldBeTrue("the caller's stream stays open");

        var body = handler.Requests.Single().Body!;
        handler.Requests.Single().Headers["Authorization"].ShouldBe("Bearer " + Key);
        body.ShouldContain("name=model");
        body.ShouldContain("whisper-1");
        body.ShouldContain("name=response_format");
        body.ShouldContain("verbose_json");
        body.ShouldContain("name=language");
        body.ShouldContain("name=prompt");
        body.ShouldContain("filename=clip.mp3");
        body.ShouldContain("audio/mpeg");
    }

    [Fact]
    public async Task Transcription_TextBody_IsReadAsText_AndStreamingYieldsIt()
    {
        var handler = new VerbatimHttpHandler().Respond(" hello there \n", HttpStatusCode.OK, "text/plain; charset=utf-8");
        using var client = new OpenAISpeechToTextClient(new OpenAIClientOptions { ApiKey = Key }, new HttpClient(handler));
        using var audio = new MemoryStream([1]);
        var text = new StringBuilder();
        await foreach (var u in client.GetStreamingTextAsync(audio, new SpeechToTextOptions { ModelId = "gpt-4o-transcribe", AdditionalProperties = new() { [OpenAIPropertyNames.TranscriptionResponseFormat] = "text" } }))
        {
            text.Append(u.Text);
        }

        text.ToString().ShouldBe("hello there");
        handler.Requests.Single().Body!.ShouldContain("gpt-4o-transcribe");
    }

    [Fact]
    public async Task Transcription_NonWhisperModel_AsksForJson()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"text":"hi","usage":{"type":"tokens","input_tokens":14,"output_tokens":3,"total_tokens":17}}""");
        using var client = new OpenAISpeechToTextClient(new OpenAIClientOptions { ApiKey = Key, DefaultTranscriptionModel = "gpt-4o-mini-transcribe" }, new HttpClient(handler));
        using var audio = new MemoryStream([1]);
        var response = await client.GetTextAsync(audio);
        response.Usage!.InputTokenCount.ShouldBe(14);
        response.Usage.TotalTokenCount.ShouldBe(17);
        var body = handler.Requests.Single().Body!;
        body.ShouldContain("gpt-4o-mini-transcribe");
        body.ShouldNotContain("verbose_json");
    }

    [Fact]
    public async Task Transcription_Error_IsTyped()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"error":{"message":"Invalid file format.","type":"invalid_request_error","code":null}}""", HttpStatusCode.BadRequest);
        using var client = new OpenAISpeechToTextClient(new OpenAIClientOptions { ApiKey = Key }, new HttpClient(handler));
        using var audio = new MemoryStream([1]);
        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(audio));
        ex.Kind.ShouldBe(ProviderErrorKind.BadRequest);
    }

    [Fact]
    public async Task Speech_PostsJson_AndReturnsAudioBytes()
    {
        byte[] mp3 = [0xFF, 0xF3, 0x44, 0xC4];
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/v1/audio/speech",
            ExpectedRequestJson = """{"model":"gpt-4o-mini-tts","input":"Hello world","voice":"alloy"}""",
        }.Respond(mp3, HttpStatusCode.OK, "audio/mpeg");
        using var client = new OpenAITextToSpeechClient(new OpenAIClientOptions { ApiKey = Key }, new HttpClient(handler));

        var response = await client.GetAudioAsync("Hello world");

        var audio = response.Contents.OfType<DataContent>().ShouldHaveSingleItem();
        audio.Data.ToArray().ShouldBe(mp3);
        audio.MediaType.ShouldBe("audio/mpeg");
        response.ModelId.ShouldBe("gpt-4o-mini-tts");
        client.GetService<TextToSpeechClientMetadata>()!.ProviderName.ShouldBe("openai");
    }

    [Fact]
    public async Task Speech_Options_MapToVoiceFormatSpeedAndInstructions()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """{"model":"tts-1-hd","input":"Hi","voice":"nova","response_format":"wav","speed":1.25,"instructions":"cheerful"}""",
        }.Respond([1, 2], HttpStatusCode.OK, "application/octet-stream");
        using var client = new OpenAITextToSpeechClient(new OpenAIClientOptions { ApiKey = Key }, new HttpClient(handler));
        var updates = new List<TextToSpeechResponseUpdate>();
        await foreach (var u in client.GetStreamingAudioAsync("Hi", new TextToSpeechOptions
        {
            ModelId = "tts-1-hd",
            VoiceId = "nova",
            AudioFormat = "audio/wav",
            Speed = 1.25f,
            AdditionalProperties = new() { [OpenAIPropertyNames.SpeechInstructions] = "cheerful" },
        }))
        {
            updates.Add(u);
        }

        updates.SelectMany(u => u.Contents).OfType<DataContent>().ShouldHaveSingleItem().MediaType.ShouldBe("audio/wav");
    }

    [Fact]
    public async Task Speech_EmptyBody_IsInvalidResponse()
    {
        var handler = new VerbatimHttpHandler().Respond([], HttpStatusCode.OK, "audio/mpeg");
        using var client = new OpenAITextToSpeechClient(new OpenAIClientOptions { ApiKey = Key }, new HttpClient(handler));
        await Should.ThrowAsync<InvalidResponseException>(() => client.GetAudioAsync("Hi"));
    }
}
