// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.ElevenLabs.Tests;

public sealed class ElevenLabsTextToSpeechClientTests
{
    private const string Key = "xi-unit-test-key-5f2c9d1e7a";
    private static readonly byte[] Audio = [0xFF, 0xFB, 0x90, 0x64, 1, 2, 3, 4, 5, 6];

    private static ElevenLabsTextToSpeechClient Client(VerbatimHttpHandler handler, ElevenLabsClientOptions? options = null)
    {
        options ??= new ElevenLabsClientOptions();
        options.ApiKey ??= Key;
        return new ElevenLabsTextToSpeechClient(options, new HttpClient(handler));
    }

    [Fact]
    public async Task GetAudio_PostsTheExactBody_WithTheKeyHeader_AndMapsTheAudioAndBilledCharacters()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedMethod = HttpMethod.Post,
            ExpectedPath = "/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM",
            ExpectedRequestJson = """{"text":"Hello there.","model_id":"eleven_multilingual_v2","voice_settings":{"stability":0.3,"speed":1.25}}""",
        }.Respond(Audio, contentType: "audio/mpeg", headers: new Dictionary<string, string> { ["character-cost"] = "12", ["request-id"] = "req-1", ["history-item-id"] = "h-9" });
        handler.ExpectedHeaders["xi-api-key"] = Key;
        using var client = Client(handler);

        var response = await client.GetAudioAsync("Hello there.", new TextToSpeechOptions
        {
            Speed = 1.25f,
            AdditionalProperties = new() { [ElevenLabsPropertyNames.Stability] = 0.3 },
        });

        var audio = response.Contents.OfType<DataContent>().ShouldHaveSingleItem();
        audio.Data.ToArray().ShouldBe(Audio);
        audio.MediaType.ShouldBe("audio/mpeg");
        response.ModelId.ShouldBe("eleven_multilingual_v2");
        response.ResponseId.ShouldBe("req-1");
        response.AdditionalProperties![ElevenLabsPropertyNames.CharacterCost].ShouldBe(12L);
        response.AdditionalProperties[ElevenLabsPropertyNames.HistoryItemId].ShouldBe("h-9");
        response.AdditionalProperties[AssistantProviderProperties.Provider].ShouldBe("elevenlabs");
        handler.Requests[0].Uri.Query.ShouldBe("?output_format=mp3_44100_128");
        handler.Requests[0].Headers.ContainsKey("Authorization").ShouldBeFalse();
    }

    [Theory]
    [InlineData("pcm_16000", "pcm_16000", "audio/pcm")]
    [InlineData("audio/pcm", "pcm_16000", "audio/pcm")]
    [InlineData("audio/L16; rate=24000", "pcm_24000", "audio/pcm")]
    [InlineData("ulaw_8000", "ulaw_8000", "audio/basic")]
    [InlineData("audio/mpeg", "mp3_44100_128", "audio/mpeg")]
    [InlineData("opus", "opus_48000_128", "audio/opus")]
    public async Task AudioFormat_MapsToTheNativeOutputFormat(string requested, string native, string mediaType)
    {
        var handler = new VerbatimHttpHandler().Respond(Audio, contentType: "application/octet-stream");
        using var client = Client(handler);

        var response = await client.GetAudioAsync("Hi.", new TextToSpeechOptions { AudioFormat = requested });

        handler.Requests[0].Uri.Query.ShouldBe("?output_format=" + native);
        response.Contents.OfType<DataContent>().Single().MediaType.ShouldBe(mediaType);
    }

    [Theory]
    [InlineData("wav")]
    [InlineData("audio/flac")]
    [InlineData("pcm_11025")]
    [InlineData("audio/pcm; rate=11025")]
    public async Task UnsupportedFormat_IsATypedBadRequest_BeforeAnyRequest(string format)
    {
        var handler = new VerbatimHttpHandler();
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetAudioAsync("Hi.", new TextToSpeechOptions { AudioFormat = format }));
        ex.Kind.ShouldBe(ProviderErrorKind.BadRequest);
        ex.ErrorCode.ShouldBe("unsupported_output_format");
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task EmptyText_IsATypedBadRequest_BeforeAnyRequest()
    {
        var handler = new VerbatimHttpHandler();
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetAudioAsync("   "));
        ex.ErrorCode.ShouldBe("empty_text");
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Language_WithNoModel_ChoosesTheMultilingualModel_WhenTheDefaultIsEnglishOnly()
    {
        var handler = new VerbatimHttpHandler().Respond(Audio, contentType: "audio/mpeg").Respond(Audio, contentType: "audio/mpeg").Respond(Audio, contentType: "audio/mpeg");
        using var client = Client(handler, new ElevenLabsClientOptions { DefaultModel = "eleven_flash_v2" });

        (await client.GetAudioAsync("Bonjour.", new TextToSpeechOptions { Language = "fr" })).ModelId.ShouldBe("eleven_multilingual_v2");
        (await client.GetAudioAsync("Hello.", new TextToSpeechOptions { Language = "en-US" })).ModelId.ShouldBe("eleven_flash_v2");
        (await client.GetAudioAsync("Hallo.", new TextToSpeechOptions { Language = "de", ModelId = "eleven_flash_v2_5" })).ModelId.ShouldBe("eleven_flash_v2_5");

        handler.Requests[0].Body!.ShouldContain("\"model_id\":\"eleven_multilingual_v2\"");
        handler.Requests[0].Body!.ShouldNotContain("language_code", Case.Sensitive, "multilingual v2 takes no language_code");
        handler.Requests[2].Body!.ShouldContain("\"language_code\":\"de\"");
    }

    [Fact]
    public async Task UnknownVoice_IsATypedNotFound_WithTheVendorCode()
    {
        var handler = new VerbatimHttpHandler().Respond(
            """{"detail":{"status":"voice_not_found","message":"A voice with the voice_id nope was not found."}}""", HttpStatusCode.NotFound);
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetAudioAsync("Hi.", new TextToSpeechOptions { VoiceId = "nope" }));
        ex.Kind.ShouldBe(ProviderErrorKind.NotFound);
        ex.StatusCode.ShouldBe(404);
        ex.ErrorCode.ShouldBe("voice_not_found");
        ex.Message.ShouldContain("A voice with the voice_id nope was not found.");
        handler.Requests[0].Uri.AbsolutePath.ShouldBe("/v1/text-to-speech/nope");
    }

    [Fact]
    public async Task Unauthorized_EchoingTheKey_IsAnAuthenticationException_WithTheKeyRedacted()
    {
        var handler = new VerbatimHttpHandler().Respond($$$"""{"detail":{"status":"invalid_api_key","message":"Invalid API key: {{{Key}}}"}}""", HttpStatusCode.Unauthorized);
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.GetAudioAsync("Hi."));
        ex.ToString().ShouldNotContain(Key);
        ex.Message.ShouldContain("ELEVENLABS_API_KEY");
    }

    [Fact]
    public async Task TooManyRequests_IsRateLimited_WithRetryAfter()
    {
        var handler = new VerbatimHttpHandler().Respond(
            """{"detail":{"status":"too_many_concurrent_requests","message":"busy"}}""", HttpStatusCode.TooManyRequests, headers: new Dictionary<string, string> { ["Retry-After"] = "7" });
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<RateLimitedException>(() => client.GetAudioAsync("Hi."));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        ex.ErrorCode.ShouldBe("too_many_concurrent_requests");
    }

    [Fact]
    public async Task ServerError_IsTransient()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"detail":{"status":"system_busy","message":"down"}}""", HttpStatusCode.ServiceUnavailable);
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetAudioAsync("Hi."));
        ex.IsTransient.ShouldBeTrue();
        ex.Kind.ShouldBe(ProviderErrorKind.Overloaded);
    }

    [Fact]
    public async Task EmptyAudioBody_IsAnInvalidResponse_NeverSuccess()
    {
        var handler = new VerbatimHttpHandler().Respond([], contentType: "audio/mpeg");
        using var client = Client(handler);

        await Should.ThrowAsync<InvalidResponseException>(() => client.GetAudioAsync("Hi."));
    }

    [Fact]
    public async Task Streaming_YieldsTheBytesAsTheyArrive_InOrder_ThenASessionClose()
    {
        var body = Enumerable.Range(0, 40_000).Select(i => (byte)i).ToArray();
        var handler = new VerbatimHttpHandler { ExpectedPath = "/v1/text-to-speech/voice-1/stream" }.RespondStream(new ChunkedStream(body, maxReadSize: 5000), "audio/mpeg");
        using var client = Client(handler);

        var updates = new List<TextToSpeechResponseUpdate>();
        await foreach (var update in client.GetStreamingAudioAsync("Hello.", new TextToSpeechOptions { VoiceId = "voice-1" }))
        {
            updates.Add(update);
        }

        var chunks = updates.Where(u => u.Kind == TextToSpeechResponseUpdateKind.AudioUpdating).ToList();
        chunks.Count.ShouldBe(8, "one update per 5000-byte read, nothing buffered");
        chunks.SelectMany(u => u.Contents.OfType<DataContent>().Single().Data.ToArray()).ToArray().ShouldBe(body);
        updates[^1].Kind.ShouldBe(TextToSpeechResponseUpdateKind.SessionClose);
    }

    [Fact]
    public async Task Streaming_ABodyCutMidway_IsIncompleteStreamException_AfterTheChunksReceived()
    {
        var handler = new VerbatimHttpHandler().RespondStream(new ChunkedStream(new byte[3000], maxReadSize: 1000, resetAtEnd: true), "audio/mpeg");
        using var client = Client(handler);
        var received = 0;

        var ex = await Should.ThrowAsync<IncompleteStreamException>(async () =>
        {
            await foreach (var update in client.GetStreamingAudioAsync("Hello."))
            {
                received += update.Contents.OfType<DataContent>().Sum(c => c.Data.Length);
            }
        });
        received.ShouldBe(3000);
        ex.Message.ShouldContain("3000 bytes");
        ex.MayHaveBeenBilled.ShouldBeTrue();
    }

    [Fact]
    public async Task Cancellation_IsNotWrapped()
    {
        using var cts = new CancellationTokenSource();
        var handler = new VerbatimHttpHandler().RespondByCancelling(cts);
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<OperationCanceledException>(() => client.GetAudioAsync("Hi.", cancellationToken: cts.Token));
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
    }

    [Fact]
    public async Task RawRepresentationFactory_StartsTheBody_AndOnlyUnsetFieldsAreFilled()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """{"text":"Hi.","model_id":"eleven_v3","next_text":"After."}""",
        }.Respond(Audio, contentType: "audio/mpeg");
        using var client = Client(handler);

        await client.GetAudioAsync("Hi.", new TextToSpeechOptions
        {
            RawRepresentationFactory = _ => new Internal.ElevenLabsSpeechRequest { ModelId = "eleven_v3", NextText = "After." },
            AdditionalProperties = new() { [ElevenLabsPropertyNames.NextText] = "ignored" },
        });
    }

    [Fact]
    public async Task ListModels_MapsTheBareArray()
    {
        var handler = new VerbatimHttpHandler { ExpectedPath = "/v1/models" }.Respond(
            """[{"model_id":"eleven_flash_v2_5","name":"Flash v2.5","can_do_text_to_speech":true,"languages":[{"language_id":"en","name":"English"},{"language_id":"de","name":"German"}]},{"model_id":"eleven_english_sts_v2","name":"STS","can_do_text_to_speech":false,"languages":[]}]""");
        using var client = Client(handler);

        var models = await client.ListModelsAsync();

        models.Select(m => m.ModelId).ShouldBe(["eleven_flash_v2_5", "eleven_english_sts_v2"]);
        models[0].Capabilities.ShouldBe(ModelCapabilities.TextToSpeech | ModelCapabilities.Streaming);
        models[0].Tasks.ShouldContain("multilingual");
        models[1].Capabilities.ShouldBe(ModelCapabilities.None);
        models[0].ProviderId.ShouldBe("elevenlabs");
    }

    [Fact]
    public async Task MalformedJson_IsAnInvalidResponse()
    {
        var handler = new VerbatimHttpHandler().Respond("""[{"model_id":""");
        using var client = Client(handler);

        await Should.ThrowAsync<InvalidResponseException>(() => client.ListModelsAsync());
    }

    [Fact]
    public async Task Voices_ListGetDelete_AndUnknownVoiceIsNotFound()
    {
        var handler = new VerbatimHttpHandler()
            .Respond("""{"voices":[{"voice_id":"v1","name":"Rachel","category":"premade","labels":{"accent":"american"},"preview_url":"https://example.com/p.mp3","settings":{"stability":0.5}}]}""")
            .Respond("""{"voice_id":"v1","name":"Rachel","category":"premade","labels":{}}""")
            .Respond("""{"status":"ok"}""")
            .Respond("""{"detail":{"status":"voice_not_found","message":"no"}}""", HttpStatusCode.NotFound);
        using var client = Client(handler);

        var voices = await client.ListVoicesAsync();
        var voice = voices.ShouldHaveSingleItem();
        voice.VoiceId.ShouldBe("v1");
        voice.Labels["accent"].ShouldBe("american");
        voice.PreviewUrl.ShouldBe(new Uri("https://example.com/p.mp3"));
        voice.Settings!.Stability.ShouldBe(0.5);
        (await client.GetVoiceAsync("v1")).Name.ShouldBe("Rachel");
        await client.DeleteVoiceAsync("v1");
        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetVoiceAsync("gone"));
        ex.Kind.ShouldBe(ProviderErrorKind.NotFound);

        handler.Requests.Select(r => r.Method.Method + " " + r.Uri.AbsolutePath).ShouldBe(
            ["GET /v1/voices", "GET /v1/voices/v1", "DELETE /v1/voices/v1", "GET /v1/voices/gone"]);
    }

    [Fact]
    public async Task AddVoice_SendsTheSamplesAsMultipart_AndTheNewVoiceIdIsUsableRightAway()
    {
        var handler = new VerbatimHttpHandler()
            .Respond("""{"voice_id":"cloned-123","requires_verification":false}""")
            .Respond(Audio, contentType: "audio/mpeg");
        using var client = Client(handler);
        using var sample = new MemoryStream(Encoding.ASCII.GetBytes("ID3-sample-audio"));

        var voice = await client.AddVoiceAsync("My voice", [new ElevenLabsVoiceSample(sample, "me.mp3", "audio/mpeg")], "mine", new Dictionary<string, string> { ["accent"] = "irish" });
        await client.GetAudioAsync("Hi.", new TextToSpeechOptions { VoiceId = voice.VoiceId });

        voice.VoiceId.ShouldBe("cloned-123");
        voice.Category.ShouldBe("cloned");
        var add = handler.Requests[0];
        add.Uri.AbsolutePath.ShouldBe("/v1/voices/add");
        add.Body.ShouldNotBeNull();
        add.Body.ShouldContain("name=name");
        add.Body.ShouldContain("name=files; filename=me.mp3");
        add.Body.ShouldContain("ID3-sample-audio");
        add.Body.ShouldContain("{\"accent\":\"irish\"}");
        handler.Requests[1].Uri.AbsolutePath.ShouldBe("/v1/text-to-speech/cloned-123");
    }

    [Fact]
    public async Task AddVoice_WithNoSamples_IsABadRequest_BeforeAnyRequest()
    {
        var handler = new VerbatimHttpHandler();
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.AddVoiceAsync("x", []));
        ex.ErrorCode.ShouldBe("missing_samples");
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void GetService_ReturnsMetadata_Descriptor_Self_AndNullForAKey()
    {
        using var client = Client(new VerbatimHttpHandler());

        client.GetService<TextToSpeechClientMetadata>()!.ProviderName.ShouldBe("elevenlabs");
        client.GetService<ProviderDescriptor>()!.ApiKeyEnvironmentVariable.ShouldBe("ELEVENLABS_API_KEY");
        client.GetService<ElevenLabsTextToSpeechClient>().ShouldBeSameAs(client);
        client.GetService(typeof(TextToSpeechClientMetadata), "key").ShouldBeNull();
    }

    [Fact]
    public async Task NoKey_IsAnAuthenticationException_NamingTheVariable_AndNothingIsSent()
    {
        var handler = new VerbatimHttpHandler();
        using var client = new ElevenLabsTextToSpeechClient(new ElevenLabsClientOptions(), new HttpClient(handler));

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.GetAudioAsync("Hi."));
        ex.Message.ShouldContain("ELEVENLABS_API_KEY");
        handler.Requests.ShouldBeEmpty();
    }
}
