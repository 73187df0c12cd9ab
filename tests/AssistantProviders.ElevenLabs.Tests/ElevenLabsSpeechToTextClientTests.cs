// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.ElevenLabs.Tests;

public sealed class ElevenLabsSpeechToTextClientTests
{
    private const string Key = "xi-unit-test-key-5f2c9d1e7a";

    private static ElevenLabsSpeechToTextClient Client(VerbatimHttpHandler handler, ElevenLabsClientOptions? options = null)
    {
        options ??= new ElevenLabsClientOptions();
        options.ApiKey ??= Key;
        return new ElevenLabsSpeechToTextClient(options, new HttpClient(handler));
    }

    private static MemoryStream Wav() => new([.. "RIFF"u8, 36, 0, 0, 0, .. "WAVE"u8, .. new byte[64]]);

    [Fact]
    public async Task RecordedTranscript_MapsText_Words_Speakers_AndTimes()
    {
        var fixture = RepoPaths.ReadFixture("elevenlabs", "stt-transcription.json");
        var handler = new VerbatimHttpHandler { ExpectedPath = "/v1/speech-to-text", ExpectedMethod = HttpMethod.Post }.Respond(fixture);
        handler.ExpectedHeaders["xi-api-key"] = Key;
        using var client = Client(handler);
        using var audio = Wav();

        var response = await client.GetTextAsync(audio, new SpeechToTextOptions { SpeechLanguage = "en" });

        response.Text.ShouldBe("Hello from the Vercel AI SDK.");
        response.ResponseId.ShouldBe("dRgXxwt3SzzliHA3nDAQ");
        response.ModelId.ShouldBe("scribe_v1");
        response.StartTime.ShouldBe(TimeSpan.FromSeconds(0.199));
        response.EndTime.ShouldBe(TimeSpan.FromSeconds(2.479));
        var words = response.AdditionalProperties![ElevenLabsPropertyNames.Words].ShouldBeAssignableTo<IReadOnlyList<ElevenLabsWord>>()!;
        words.Count.ShouldBe(11);
        words[0].ShouldBe(new ElevenLabsWord("Hello", "word", TimeSpan.FromSeconds(0.199), TimeSpan.FromSeconds(0.479), "speaker_0", 0));
        words[1].Type.ShouldBe("spacing");
        response.AdditionalProperties[ElevenLabsPropertyNames.Speakers].ShouldBeAssignableTo<IReadOnlyList<string>>()!.ShouldBe(["speaker_0"]);
        response.AdditionalProperties[ElevenLabsPropertyNames.LanguageCode].ShouldBe("eng");
        response.AdditionalProperties[ElevenLabsPropertyNames.LanguageProbability].ShouldBe(0.8905608654022217);
        var segment = response.Contents.OfType<TextContent>().ShouldHaveSingleItem();
        segment.AdditionalProperties![ElevenLabsPropertyNames.SpeakerId].ShouldBe("speaker_0");
        segment.AdditionalProperties[ElevenLabsPropertyNames.EndTime].ShouldBe(TimeSpan.FromSeconds(2.479));

        var body = handler.Requests[0].Body!;
        body.ShouldContain("name=model_id");
        body.ShouldContain("scribe_v1");
        body.ShouldContain("name=diarize");
        body.ShouldContain("name=language_code");
    }

    [Fact]
    public async Task TwoSpeakers_BecomeTwoSegments_WhoseTextIsTheTranscript()
    {
        var handler = new VerbatimHttpHandler().Respond("""
            {"language_code":"eng","language_probability":0.9,"text":"Hi there. Hello.","words":[
              {"text":"Hi","start":0.0,"end":0.2,"type":"word","speaker_id":"speaker_0","logprob":0},
              {"text":" ","start":0.2,"end":0.3,"type":"spacing","speaker_id":"speaker_0","logprob":0},
              {"text":"there.","start":0.3,"end":0.6,"type":"word","speaker_id":"speaker_0","logprob":0},
              {"text":" ","start":0.6,"end":0.9,"type":"spacing","speaker_id":"speaker_1","logprob":0},
              {"text":"Hello.","start":0.9,"end":1.4,"type":"word","speaker_id":"speaker_1","logprob":-0.1}],
             "audio_duration_secs":1.5}
            """);
        using var client = Client(handler);
        using var audio = Wav();

        var response = await client.GetTextAsync(audio);

        var segments = response.Contents.OfType<TextContent>().ToList();
        segments.Select(s => s.Text).ShouldBe(["Hi there. ", "Hello."]);
        segments.Select(s => s.AdditionalProperties![ElevenLabsPropertyNames.SpeakerId]).ShouldBe(["speaker_0", "speaker_1"]);
        response.Text.ShouldBe("Hi there. Hello.");
        response.StartTime.ShouldBe(TimeSpan.Zero);
        response.EndTime.ShouldBe(TimeSpan.FromSeconds(1.5), "the billed duration is the audio's");
        response.AdditionalProperties![ElevenLabsPropertyNames.Speakers].ShouldBeAssignableTo<IReadOnlyList<string>>()!.ShouldBe(["speaker_0", "speaker_1"]);
    }

    [Fact]
    public async Task EmptyAudio_IsABadRequest_BeforeAnyUpload()
    {
        var handler = new VerbatimHttpHandler();
        using var client = Client(handler);
        using var audio = new MemoryStream();

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(audio));
        ex.ErrorCode.ShouldBe("empty_audio");
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task AudioOverTheLimit_IsRejectedBeforeUpload_NamingTheLimit()
    {
        var handler = new VerbatimHttpHandler();
        using var client = Client(handler, new ElevenLabsClientOptions { MaxUploadBytes = 10 });
        using var audio = Wav();

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(audio));
        ex.ErrorCode.ShouldBe("audio_too_large");
        ex.Message.ShouldContain("10-byte");
        ex.Message.ShouldContain("5 GB");
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task DiarizeOff_AndKnobs_AreSent()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"language_code":"eng","language_probability":1,"text":"x","words":[]}""");
        using var client = Client(handler);
        using var audio = Wav();

        await client.GetTextAsync(audio, new SpeechToTextOptions
        {
            ModelId = "scribe_v2",
            AdditionalProperties = new() { [ElevenLabsPropertyNames.Diarize] = false, [ElevenLabsPropertyNames.NumSpeakers] = 3, [ElevenLabsPropertyNames.TimestampsGranularity] = "character" },
        });

        var body = handler.Requests[0].Body!;
        body.ShouldContain("scribe_v2");
        body.ShouldMatch("name=diarize\\s+(?:Content-[^\\r\\n]*\\s+)*false");
        body.ShouldMatch("name=num_speakers\\s+(?:Content-[^\\r\\n]*\\s+)*3");
        body.ShouldContain("character");
    }

    [Fact]
    public async Task ValidationError_422_IsABadRequest_WithTheDetail()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"detail":[{"loc":["body","model_id"],"msg":"field required","type":"value_error.missing"}]}""", HttpStatusCode.UnprocessableEntity);
        using var client = Client(handler);
        using var audio = Wav();

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(audio));
        ex.Kind.ShouldBe(ProviderErrorKind.BadRequest);
        ex.Message.ShouldContain("body.model_id: field required");
    }

    [Fact]
    public async Task MalformedJson_IsAnInvalidResponse()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"text":"Hel""");
        using var client = Client(handler);
        using var audio = Wav();

        await Should.ThrowAsync<InvalidResponseException>(() => client.GetTextAsync(audio));
    }

    [Fact]
    public async Task StreamingText_IsTheTranscriptAsUpdates()
    {
        var handler = new VerbatimHttpHandler().Respond(RepoPaths.ReadFixture("elevenlabs", "stt-transcription.json"));
        using var client = Client(handler);
        using var audio = Wav();

        var text = string.Empty;
        await foreach (var update in client.GetStreamingTextAsync(audio))
        {
            text += update.Text;
        }

        text.ShouldBe("Hello from the Vercel AI SDK.");
    }

    [Fact]
    public void Metadata_NamesTheProvider_AndTheDefaultModel()
    {
        using var client = Client(new VerbatimHttpHandler());
        var metadata = client.GetService<SpeechToTextClientMetadata>()!;
        metadata.ProviderName.ShouldBe("elevenlabs");
        metadata.DefaultModelId.ShouldBe("scribe_v1");
    }
}
