// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.Deepgram.Tests;

/// <summary>Pre-recorded <c>POST /v1/listen</c>: the exact request, the recorded answer, errors and bad input.</summary>
public sealed class DeepgramSpeechToTextClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DeepgramSpeechToTextClient Client(VerbatimHttpHandler handler, Action<DeepgramClientOptions>? configure = null)
    {
        var options = new DeepgramClientOptions { ApiKey = TestAudio.Key };
        configure?.Invoke(options);
        return new DeepgramSpeechToTextClient(options, new HttpClient(handler));
    }

    private static string Fixture(string file) => RepoPaths.ReadFixture("deepgram", file);

    [Fact]
    public async Task GetText_SendsRawAudioWithItsContentTypeQueryAndTokenAuth_AndMapsTheRecordedAnswer()
    {
        string? contentType = null;
        long? length = null;
        var handler = new VerbatimHttpHandler { ExpectedMethod = HttpMethod.Post, ExpectedPath = "/v1/listen" };
        handler.ExpectedHeaders["Authorization"] = "Token " + TestAudio.Key;
        var body = Fixture("prerecorded-diarize.json");
        handler.Respond((request, _, _) =>
        {
            contentType = request.Content!.Headers.ContentType!.MediaType;
            length = request.Content.Headers.ContentLength;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        });
        using var client = Client(handler);
        var audio = TestAudio.Wav(3200);

        var response = await client.GetTextAsync(new MemoryStream(audio), new SpeechToTextOptions
        {
            SpeechLanguage = "en",
            AdditionalProperties = new() { [DeepgramPropertyNames.Diarize] = true, [DeepgramPropertyNames.Utterances] = true },
        }, Ct);

        var uri = handler.Requests.Single().Uri;
        uri.Host.ShouldBe("api.deepgram.com");
        uri.Query.ShouldBe("?model=nova-3&language=en&smart_format=true&diarize=true&utterances=true");
        contentType.ShouldBe("audio/wav");
        handler.Requests[0].Body!.Length.ShouldBe(audio.Length);
        response.Text.ShouldStartWith("galileo was an american");
        response.EndTime.ShouldBe(TimeSpan.FromSeconds(36.744));
        response.AdditionalProperties![DeepgramPropertyNames.Speakers].ShouldNotBeNull();
    }

    [Fact]
    public async Task GetText_AudioUrl_SendsTheUrlBody()
    {
        var handler = new VerbatimHttpHandler { ExpectedRequestJson = """{"url":"https://example.com/a.wav"}""" };
        handler.Respond(Fixture("prerecorded-smart-format.json"));
        using var client = Client(handler, o => o.DefaultModel = "nova-2");

        var response = await client.GetTextAsync(Stream.Null, new SpeechToTextOptions { AdditionalProperties = new() { [DeepgramPropertyNames.AudioUrl] = "https://example.com/a.wav" } }, Ct);

        handler.Requests.Single().Uri.Query.ShouldStartWith("?model=nova-2&");
        response.Text.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task GetText_EmptyAudio_IsRejectedBeforeAnyRequest()
    {
        var handler = new VerbatimHttpHandler();
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(new MemoryStream(), cancellationToken: Ct));

        ex.ErrorCode.ShouldBe("empty_audio");
        ex.Kind.ShouldBe(ProviderErrorKind.BadRequest);
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetText_UnknownFormat_IsRejectedBeforeAnyRequest_UnlessRawEncodingIsNamed()
    {
        var handler = new VerbatimHttpHandler();
        handler.Respond(Fixture("prerecorded-smart-format.json"));
        using var client = Client(handler);
        var raw = new byte[640];
        raw.AsSpan().Fill(0x11);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(new MemoryStream(raw), cancellationToken: Ct));
        ex.ErrorCode.ShouldBe("unsupported_audio_format");
        handler.Requests.ShouldBeEmpty();

        await client.GetTextAsync(new MemoryStream(raw), new SpeechToTextOptions
        {
            AdditionalProperties = new() { [DeepgramPropertyNames.Encoding] = "linear16", [DeepgramPropertyNames.SampleRate] = 16000 },
        }, Ct);
        handler.Requests.Single().Uri.Query.ShouldContain("encoding=linear16&sample_rate=16000");
    }

    [Theory]
    [InlineData("linear16", null, "missing_sample_rate")]
    [InlineData("linear16", 1000, "unsupported_sample_rate")]
    [InlineData("wavpack", 16000, "unsupported_encoding")]
    public async Task GetText_BadRawAudioSettings_AreRejectedBeforeAnyRequest(string encoding, int? rate, string code)
    {
        var handler = new VerbatimHttpHandler();
        using var client = Client(handler);
        var options = new SpeechToTextOptions { AdditionalProperties = new() { [DeepgramPropertyNames.Encoding] = encoding } };
        if (rate is { } r)
        {
            options.AdditionalProperties[DeepgramPropertyNames.SampleRate] = r;
        }

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(new MemoryStream(TestAudio.Wav(100)), options, Ct));

        ex.ErrorCode.ShouldBe(code);
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetText_OverTheUploadLimit_IsRejectedBeforeUpload_NamingTheLimit()
    {
        var handler = new VerbatimHttpHandler();
        using var client = Client(handler, o => o.MaxUploadBytes = 1000);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(new MemoryStream(TestAudio.Wav(2000)), cancellationToken: Ct));

        ex.ErrorCode.ShouldBe("audio_too_large");
        ex.Message.ShouldContain("1,000-byte");
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetText_ForwardOnlyStreamOverTheLimit_StopsTheUpload()
    {
        var handler = new VerbatimHttpHandler();
        handler.Respond(Fixture("prerecorded-smart-format.json"));
        using var client = Client(handler, o => o.MaxUploadBytes = 1000);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(new ForwardOnlyStream(TestAudio.Wav(5000)), cancellationToken: Ct));

        ex.ErrorCode.ShouldBe("audio_too_large");
    }

    [Fact]
    public async Task Error_401_EchoingTheKey_IsAuthenticationException_WithoutTheKey()
    {
        var handler = new VerbatimHttpHandler();
        handler.Respond($$"""{"err_code":"INVALID_AUTH","err_msg":"Invalid credentials: {{TestAudio.Key}}","request_id":"r-1"}""", HttpStatusCode.Unauthorized);
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.GetTextAsync(new MemoryStream(TestAudio.Wav(100)), cancellationToken: Ct));

        ex.ToString().ShouldNotContain(TestAudio.Key);
        ex.ErrorCode.ShouldBe("INVALID_AUTH");
        ex.RequestId.ShouldBe("r-1");
        ex.ProviderId.ShouldBe("deepgram");
    }

    [Fact]
    public async Task Error_429_WithRetryAfter_IsRateLimited()
    {
        var handler = new VerbatimHttpHandler();
        handler.Respond("""{"err_code":"TOO_MANY_REQUESTS","err_msg":"Too many requests."}""", (HttpStatusCode)429, headers: new Dictionary<string, string> { ["Retry-After"] = "7" });
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<RateLimitedException>(() => client.GetTextAsync(new MemoryStream(TestAudio.Wav(100)), cancellationToken: Ct));

        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Theory]
    [InlineData(400, ProviderErrorKind.BadRequest)]
    [InlineData(404, ProviderErrorKind.NotFound)]
    [InlineData(413, ProviderErrorKind.BadRequest)]
    [InlineData(500, ProviderErrorKind.ServerError)]
    [InlineData(503, ProviderErrorKind.ServerError)]
    public async Task Error_Status_IsTyped_WithTheVendorMessage(int status, ProviderErrorKind kind)
    {
        var handler = new VerbatimHttpHandler();
        handler.Respond("""{"err_code":"SOMETHING","err_msg":"the vendor said no","request_id":"r-2"}""", (HttpStatusCode)status);
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(new MemoryStream(TestAudio.Wav(100)), cancellationToken: Ct));

        ex.StatusCode.ShouldBe(status);
        if (kind != ProviderErrorKind.ServerError || status == 500)
        {
            ex.Kind.ShouldBe(kind);
        }

        ex.Message.ShouldContain("the vendor said no");
    }

    [Theory]
    [InlineData("{\"metadata\":{\"request_id\":")]
    [InlineData("not json")]
    public async Task MalformedOrTruncatedBody_IsInvalidResponse(string body)
    {
        var handler = new VerbatimHttpHandler();
        handler.Respond(body);
        using var client = Client(handler);

        await Should.ThrowAsync<InvalidResponseException>(() => client.GetTextAsync(new MemoryStream(TestAudio.Wav(100)), cancellationToken: Ct));
    }

    [Fact]
    public async Task Cancellation_IsNotWrapped()
    {
        var handler = new VerbatimHttpHandler();
        using var cts = new CancellationTokenSource();
        handler.RespondByCancelling(cts);
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<OperationCanceledException>(() => client.GetTextAsync(new MemoryStream(TestAudio.Wav(100)), cancellationToken: cts.Token));

        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
    }

    [Fact]
    public void GetService_ReturnsMetadataAndOptions()
    {
        using var client = Client(new VerbatimHttpHandler());

        var metadata = client.GetService<SpeechToTextClientMetadata>().ShouldNotBeNull();
        metadata.ProviderName.ShouldBe("deepgram");
        metadata.DefaultModelId.ShouldBe("nova-3");
        client.GetService<DeepgramClientOptions>().ShouldNotBeNull();
        client.GetService(typeof(SpeechToTextClientMetadata), "key").ShouldBeNull();
    }
}
