// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.AssemblyAI.Tests;

public sealed class AssemblyAISpeechToTextClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetText_Uploads_Creates_Polls_WithBackoff_OnTheClock()
    {
        var clock = new TimerWatchingClock();
        var handler = new ScriptedHandler(clock)
            .On("POST v2/upload", TestAudio.Uploaded)
            .On("POST v2/transcript", TestAudio.Queued)
            .On("GET v2/transcript/tr_1", TestAudio.Processing)
            .On("GET v2/transcript/tr_1", TestAudio.Processing)
            .On("GET v2/transcript/tr_1", TestAudio.Completed("Hello there.", 3));
        using var client = TestAudio.Client(handler, clock);
        var wav = TestAudio.Wav();
        var options = new SpeechToTextOptions
        {
            SpeechLanguage = "en-US",
            AdditionalProperties = new() { [AssemblyAIPropertyNames.SpeakerLabels] = true, [AssemblyAIPropertyNames.SentimentAnalysis] = true },
        };

        var task = client.GetTextAsync(new MemoryStream(wav), options, Ct);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            delays.Add(await clock.FireNextTimerAsync());
        }

        var response = await task;

        delays.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2.25)]);
        response.Text.ShouldBe("Hello there.");
        response.ResponseId.ShouldBe("tr_1");
        response.ModelId.ShouldBe("universal-2");
        response.StartTime.ShouldBe(TimeSpan.Zero);
        response.EndTime.ShouldBe(TimeSpan.FromSeconds(3));
        response.Usage!.AdditionalCounts!["audio_seconds"].ShouldBe(3);
        response.AdditionalProperties![AssemblyAIPropertyNames.TranscriptId].ShouldBe("tr_1");
        response.AdditionalProperties[AssistantProviderProperties.Provider].ShouldBe("assemblyai");

        var upload = handler.Seen[0];
        upload.Request.Method.ShouldBe(HttpMethod.Post);
        upload.Request.Uri.AbsoluteUri.ShouldBe("https://api.assemblyai.com/v2/upload");
        upload.Request.Headers["Authorization"].ShouldBe(TestAudio.Key);
        upload.Body.ShouldBe(wav);
        VerbatimHttpHandler.AssertJsonEqual(
            """{"audio_url":"https://cdn.assemblyai.com/upload/f756988d","speech_models":["universal-2"],"language_code":"en_us","speaker_labels":true,"sentiment_analysis":true}""",
            handler.Seen[1].Request.Body!);
        handler.Seen.Skip(2).Select(s => s.At - handler.Seen[1].At).ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(4.75)]);
    }

    [Fact]
    public async Task Backoff_IsCappedAtMaxPollInterval()
    {
        var clock = new TimerWatchingClock();
        var handler = new ScriptedHandler(clock)
            .On("POST v2/upload", TestAudio.Uploaded)
            .On("POST v2/transcript", TestAudio.Queued)
            .On("GET v2/transcript/tr_1", TestAudio.Processing, times: 4)
            .On("GET v2/transcript/tr_1", TestAudio.Completed());
        using var client = TestAudio.Client(handler, clock, o => { o.PollInterval = TimeSpan.FromSeconds(2); o.MaxPollInterval = TimeSpan.FromSeconds(3); });

        var task = client.GetTextAsync(new MemoryStream(TestAudio.Wav()), cancellationToken: Ct);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            delays.Add(await clock.FireNextTimerAsync());
        }

        (await task).Text.ShouldBe("Hello there.");
        delays.ShouldBe([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)]);
    }

    [Fact]
    public async Task LanguageDetection_SendsNoLanguageCode_AndSpeakersExpectedImpliesLabels()
    {
        var clock = new TimerWatchingClock();
        var handler = new ScriptedHandler(clock)
            .On("POST v2/upload", TestAudio.Uploaded)
            .On("POST v2/transcript", TestAudio.Completed());
        using var client = TestAudio.Client(handler, clock);
        var options = new SpeechToTextOptions
        {
            ModelId = "universal-3-pro, universal-2",
            SpeechLanguage = "de",
            AdditionalProperties = new() { [AssemblyAIPropertyNames.LanguageDetection] = "true", [AssemblyAIPropertyNames.SpeakersExpected] = 2 },
        };

        await client.GetTextAsync(new MemoryStream(TestAudio.Wav()), options, Ct);

        VerbatimHttpHandler.AssertJsonEqual(
            """{"audio_url":"https://cdn.assemblyai.com/upload/f756988d","speech_models":["universal-3-pro","universal-2"],"language_detection":true,"speaker_labels":true,"speakers_expected":2}""",
            handler.Seen[1].Request.Body!);
    }

    [Fact]
    public async Task AudioUrl_SkipsTheUpload_AndDoesNotReadTheStream()
    {
        var clock = new TimerWatchingClock();
        var handler = new ScriptedHandler(clock).On("POST v2/transcript", TestAudio.Completed());
        using var client = TestAudio.Client(handler, clock);
        var options = new SpeechToTextOptions { AdditionalProperties = new() { [AssemblyAIPropertyNames.AudioUrl] = new Uri("https://example.com/a.mp3") } };
        using var empty = new MemoryStream();

        var response = await client.GetTextAsync(empty, options, Ct);

        response.Text.ShouldBe("Hello there.");
        handler.Seen.Count.ShouldBe(1);
        JsonDocument.Parse(handler.Seen[0].Request.Body!).RootElement.GetProperty("audio_url").GetString().ShouldBe("https://example.com/a.mp3");
    }

    [Fact]
    public async Task AudioUrl_NotHttp_IsRejectedBeforeAnyRequest()
    {
        var handler = new ScriptedHandler();
        using var client = TestAudio.Client(handler, new TimerWatchingClock());
        var options = new SpeechToTextOptions { AdditionalProperties = new() { [AssemblyAIPropertyNames.AudioUrl] = "file:///etc/passwd" } };

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(new MemoryStream(), options, Ct));
        ex.ErrorCode.ShouldBe("invalid_audio_url");
        handler.Seen.ShouldBeEmpty();
    }

    [Fact]
    public async Task StatusError_IsTypedException_WithTheVendorText_Scrubbed()
    {
        var clock = new TimerWatchingClock();
        var handler = new ScriptedHandler(clock)
            .On("POST v2/upload", TestAudio.Uploaded)
            .On("POST v2/transcript", TestAudio.Queued)
            .On("GET v2/transcript/tr_1", $$"""{"id":"tr_1","status":"error","error":"Download error to https://x?token={{TestAudio.Key}}, file does not appear to contain audio"}""");
        using var client = TestAudio.Client(handler, clock);

        var task = client.GetTextAsync(new MemoryStream(TestAudio.Wav()), cancellationToken: Ct);
        await clock.FireNextTimerAsync();
        var ex = await Should.ThrowAsync<AssistantProviderException>(() => task);

        ex.Message.ShouldContain("file does not appear to contain audio");
        ex.ToString().ShouldNotContain(TestAudio.Key);
        ex.ErrorCode.ShouldBe("transcript_error");
        ex.RequestId.ShouldBe("tr_1");
        ex.Kind.ShouldBe(ProviderErrorKind.BadRequest);
        ex.IsTransient.ShouldBeFalse();
        handler.Count("DELETE v2/transcript/tr_1").ShouldBe(0);
    }

    [Fact]
    public async Task UnknownStatus_IsInvalidResponse()
    {
        var clock = new TimerWatchingClock();
        var handler = new ScriptedHandler(clock)
            .On("POST v2/upload", TestAudio.Uploaded)
            .On("POST v2/transcript", """{"id":"tr_1","status":"exploded"}""");
        using var client = TestAudio.Client(handler, clock);

        await Should.ThrowAsync<InvalidResponseException>(() => client.GetTextAsync(new MemoryStream(TestAudio.Wav()), cancellationToken: Ct));
    }

    [Fact]
    public async Task TotalTimeout_IsProviderTimeout_AndDeletesTheTranscript()
    {
        var clock = new TimerWatchingClock();
        var handler = new ScriptedHandler(clock)
            .On("POST v2/upload", TestAudio.Uploaded)
            .On("POST v2/transcript", TestAudio.Queued)
            .Always("GET v2/transcript/tr_1", TestAudio.Processing)
            .On("DELETE v2/transcript/tr_1", TestAudio.Processing);
        using var client = TestAudio.Client(handler, clock, o => o.TranscriptionTimeout = TimeSpan.FromSeconds(4));

        var task = client.GetTextAsync(new MemoryStream(TestAudio.Wav()), cancellationToken: Ct);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            delays.Add(await clock.FireNextTimerAsync());
        }

        await Should.ThrowAsync<ProviderTimeoutException>(() => task);
        delays.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(1.5)]); // the last wait is cut to the deadline
        handler.Count("DELETE v2/transcript/tr_1").ShouldBe(1);
    }

    [Fact]
    public async Task Cancellation_WhilePolling_StopsPromptly_NotWrapped_AndDeletesTheTranscript()
    {
        var clock = new TimerWatchingClock();
        var handler = new ScriptedHandler(clock)
            .On("POST v2/upload", TestAudio.Uploaded)
            .On("POST v2/transcript", TestAudio.Queued)
            .Always("GET v2/transcript/tr_1", TestAudio.Processing)
            .On("DELETE v2/transcript/tr_1", TestAudio.Processing);
        using var client = TestAudio.Client(handler, clock);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var task = client.GetTextAsync(new MemoryStream(TestAudio.Wav()), cancellationToken: cts.Token);
        await clock.FireNextTimerAsync();
        await clock.NextTimerAsync(); // waiting before the second poll
        await cts.CancelAsync();

        var ex = await Should.ThrowAsync<OperationCanceledException>(() => task);
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
        handler.Count("GET v2/transcript/tr_1").ShouldBe(1);
        handler.Count("DELETE v2/transcript/tr_1").ShouldBe(1);
        handler.Seen[^1].Request.Headers["Authorization"].ShouldBe(TestAudio.Key);
    }

    [Fact]
    public async Task Cancellation_WithoutDelete_LeavesTheTranscript()
    {
        var clock = new TimerWatchingClock();
        var handler = new ScriptedHandler(clock)
            .On("POST v2/upload", TestAudio.Uploaded)
            .On("POST v2/transcript", TestAudio.Queued);
        using var client = TestAudio.Client(handler, clock, o => o.DeleteTranscriptOnCancel = false);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var task = client.GetTextAsync(new MemoryStream(TestAudio.Wav()), cancellationToken: cts.Token);
        await clock.NextTimerAsync();
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => task);
        handler.Seen.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Cancellation_DeleteRefused_StillThrowsOperationCanceled()
    {
        var clock = new TimerWatchingClock();
        var handler = new ScriptedHandler(clock)
            .On("POST v2/upload", TestAudio.Uploaded)
            .On("POST v2/transcript", TestAudio.Queued)
            .On("DELETE v2/transcript/tr_1", """{"error":"Transcript is still processing"}""", HttpStatusCode.BadRequest);
        using var client = TestAudio.Client(handler, clock);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var task = client.GetTextAsync(new MemoryStream(TestAudio.Wav()), cancellationToken: cts.Token);
        await clock.NextTimerAsync();
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => task);
        handler.Count("DELETE v2/transcript/tr_1").ShouldBe(1);
    }

    [Fact]
    public async Task PreCancelledToken_ThrowsOperationCanceled_BeforeAnyRequest()
    {
        var handler = new ScriptedHandler();
        using var client = TestAudio.Client(handler, new TimerWatchingClock());
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => client.GetTextAsync(new MemoryStream(TestAudio.Wav()), cancellationToken: cts.Token));
        handler.Seen.ShouldBeEmpty();
    }

    [Fact]
    public async Task EmptyAudio_IsRejectedBeforeUpload()
    {
        var handler = new ScriptedHandler();
        using var client = TestAudio.Client(handler, new TimerWatchingClock());

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(new NonSeekableStream(new MemoryStream()), cancellationToken: Ct));
        ex.ErrorCode.ShouldBe("empty_audio");
        ex.Kind.ShouldBe(ProviderErrorKind.BadRequest);
        handler.Seen.ShouldBeEmpty();
    }

    [Fact]
    public async Task UnsupportedFormat_IsRejectedBeforeUpload_UnlessTheCheckIsSkipped()
    {
        var text = "this is not audio at all, just some text"u8.ToArray();
        var handler = new ScriptedHandler().On("POST v2/upload", TestAudio.Uploaded).On("POST v2/transcript", TestAudio.Completed());
        using var client = TestAudio.Client(handler, new TimerWatchingClock());

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(new MemoryStream(text), cancellationToken: Ct));
        ex.ErrorCode.ShouldBe("unsupported_audio_format");
        handler.Seen.ShouldBeEmpty();

        var skip = new SpeechToTextOptions { AdditionalProperties = new() { [AssemblyAIPropertyNames.SkipFormatCheck] = true } };
        (await client.GetTextAsync(new MemoryStream(text), skip, Ct)).Text.ShouldBe("Hello there.");
        handler.Seen[0].Body.ShouldBe(text);
    }

    [Fact]
    public async Task OverTheLimit_Seekable_IsRejectedBeforeUpload_NamingTheLimit()
    {
        var handler = new ScriptedHandler();
        using var client = TestAudio.Client(handler, new TimerWatchingClock(), o => o.MaxUploadBytes = 1000);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(new MemoryStream(TestAudio.Wav(2000)), cancellationToken: Ct));
        ex.ErrorCode.ShouldBe("audio_too_large");
        ex.Message.ShouldContain("1,000-byte upload limit");
        ex.Message.ShouldContain("2.2 GB");
        handler.Seen.ShouldBeEmpty();
    }

    [Fact]
    public async Task OverTheLimit_UnknownLength_StopsTheUpload_WithTheTypedError()
    {
        var handler = new ScriptedHandler().On("POST v2/upload", TestAudio.Uploaded);
        using var client = TestAudio.Client(handler, new TimerWatchingClock(), o => o.MaxUploadBytes = 5000);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(new NonSeekableStream(new MemoryStream(TestAudio.Wav(100_000))), cancellationToken: Ct));
        ex.ErrorCode.ShouldBe("audio_too_large");
        handler.Count("POST v2/transcript").ShouldBe(0);
    }

    [Fact]
    public async Task Upload_StreamsALargeNonSeekableBody_Whole()
    {
        var wav = TestAudio.Wav(300_000);
        var handler = new ScriptedHandler().On("POST v2/upload", TestAudio.Uploaded).On("POST v2/transcript", TestAudio.Completed());
        using var client = TestAudio.Client(handler, new TimerWatchingClock());

        await client.GetTextAsync(new NonSeekableStream(new MemoryStream(wav)), cancellationToken: Ct);

        handler.Seen[0].Body.ShouldBe(wav);
    }

    [Fact]
    public async Task Error401_IsAuthentication_WithoutTheKey()
    {
        var handler = new ScriptedHandler().On("POST v2/upload", $$"""{"error":"Authentication error, API token {{TestAudio.Key}} is invalid"}""", HttpStatusCode.Unauthorized);
        using var client = TestAudio.Client(handler, new TimerWatchingClock());

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.GetTextAsync(new MemoryStream(TestAudio.Wav()), cancellationToken: Ct));
        ex.ToString().ShouldNotContain(TestAudio.Key);
        ex.Message.ShouldContain("ASSEMBLYAI_API_KEY");
    }

    [Fact]
    public async Task Error404_OnPoll_IsNotFound()
    {
        var clock = new TimerWatchingClock();
        var handler = new ScriptedHandler(clock)
            .On("POST v2/upload", TestAudio.Uploaded)
            .On("POST v2/transcript", TestAudio.Queued)
            .On("GET v2/transcript/tr_1", """{"error":"Transcript lookup error, transcript id not found"}""", HttpStatusCode.NotFound);
        using var client = TestAudio.Client(handler, clock);

        var task = client.GetTextAsync(new MemoryStream(TestAudio.Wav()), cancellationToken: Ct);
        await clock.FireNextTimerAsync();
        var ex = await Should.ThrowAsync<AssistantProviderException>(() => task);
        ex.Kind.ShouldBe(ProviderErrorKind.NotFound);
        ex.Message.ShouldContain("transcript id not found");
    }

    [Fact]
    public async Task Error429_WithRetryAfter_IsRateLimited()
    {
        var handler = new ScriptedHandler()
            .On("POST v2/upload", TestAudio.Uploaded)
            .On("POST v2/transcript", """{"error":"Too many requests"}""", HttpStatusCode.TooManyRequests, new Dictionary<string, string> { ["Retry-After"] = "7" });
        using var client = TestAudio.Client(handler, new TimerWatchingClock());

        var ex = await Should.ThrowAsync<RateLimitedException>(() => client.GetTextAsync(new MemoryStream(TestAudio.Wav()), cancellationToken: Ct));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Error500_IsTransientServerError()
    {
        var handler = new ScriptedHandler().On("POST v2/upload", """{"error":"Internal server error"}""", HttpStatusCode.InternalServerError);
        using var client = TestAudio.Client(handler, new TimerWatchingClock());

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(new MemoryStream(TestAudio.Wav()), cancellationToken: Ct));
        ex.Kind.ShouldBe(ProviderErrorKind.ServerError);
        ex.IsTransient.ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"upload_url":""")]
    [InlineData("not json")]
    [InlineData("""{"nothing":1}""")]
    public async Task MalformedOrTruncatedUploadAnswer_IsInvalidResponse(string body)
    {
        var handler = new ScriptedHandler().On("POST v2/upload", body);
        using var client = TestAudio.Client(handler, new TimerWatchingClock());

        await Should.ThrowAsync<InvalidResponseException>(() => client.GetTextAsync(new MemoryStream(TestAudio.Wav()), cancellationToken: Ct));
    }

    [Fact]
    public async Task TruncatedTranscript_IsInvalidResponse()
    {
        var handler = new ScriptedHandler().On("POST v2/upload", TestAudio.Uploaded).On("POST v2/transcript", """{"id":"tr_1","status":"compl""");
        using var client = TestAudio.Client(handler, new TimerWatchingClock());

        await Should.ThrowAsync<InvalidResponseException>(() => client.GetTextAsync(new MemoryStream(TestAudio.Wav()), cancellationToken: Ct));
    }

    [Fact]
    public async Task KeyPool_OneKeyServesTheWholeFlow()
    {
        const string second = "aai-second-key-9876543210fedcba";
        var clock = new TimerWatchingClock();
        var handler = new ScriptedHandler(clock)
            .On("POST v2/upload", TestAudio.Uploaded).On("POST v2/transcript", TestAudio.Queued).On("GET v2/transcript/tr_1", TestAudio.Completed())
            .On("POST v2/upload", TestAudio.Uploaded).On("POST v2/transcript", TestAudio.Queued).On("GET v2/transcript/tr_1", TestAudio.Completed());
        using var client = TestAudio.Client(handler, clock, o => o.ApiKeys.Add(ApiKey.FromString(second)!));

        for (var run = 0; run < 2; run++)
        {
            var task = client.GetTextAsync(new MemoryStream(TestAudio.Wav()), cancellationToken: Ct);
            await clock.FireNextTimerAsync();
            await task;
        }

        var keys = handler.Seen.Select(s => s.Request.Headers["Authorization"]).ToList();
        keys.Take(3).Distinct().Count().ShouldBe(1);
        keys.Skip(3).Distinct().Count().ShouldBe(1);
        keys.Distinct().ShouldBe([TestAudio.Key, second], ignoreOrder: true);
    }

    [Fact]
    public async Task GetStreamingText_Prerecorded_YieldsSpeakerSegments_ThenClose()
    {
        var clock = new TimerWatchingClock();
        var completed = """
            {"id":"tr_1","status":"completed","text":"Hi. Hello.","audio_duration":2,
             "utterances":[{"speaker":"A","text":"Hi.","start":0,"end":800,"confidence":0.9},{"speaker":"B","text":"Hello.","start":900,"end":1900,"confidence":0.8}]}
            """;
        var handler = new ScriptedHandler(clock).On("POST v2/upload", TestAudio.Uploaded).On("POST v2/transcript", completed);
        using var client = TestAudio.Client(handler, clock);

        var updates = new List<SpeechToTextResponseUpdate>();
        await foreach (var update in client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav()), cancellationToken: Ct))
        {
            updates.Add(update);
        }

        updates.Select(u => u.Kind).ShouldBe([SpeechToTextResponseUpdateKind.SessionOpen, SpeechToTextResponseUpdateKind.TextUpdated, SpeechToTextResponseUpdateKind.TextUpdated, SpeechToTextResponseUpdateKind.SessionClose]);
        updates[1].AdditionalProperties![AssemblyAIPropertyNames.Speaker].ShouldBe("A");
        updates[2].AdditionalProperties![AssemblyAIPropertyNames.Speaker].ShouldBe("B");
        updates[2].StartTime.ShouldBe(TimeSpan.FromMilliseconds(900));
        updates[2].EndTime.ShouldBe(TimeSpan.FromMilliseconds(1900));
        string.Concat(updates.Select(u => u.Text)).ShouldBe("Hi. Hello.");
        updates[^1].Contents.OfType<UsageContent>().Single().Details.AdditionalCounts!["audio_seconds"].ShouldBe(2);
        updates.ShouldAllBe(u => u.ResponseId == "tr_1");
    }

    [Fact]
    public void Metadata_And_Services()
    {
        using var client = TestAudio.Client(new ScriptedHandler(), new TimerWatchingClock());

        var metadata = client.GetService<SpeechToTextClientMetadata>().ShouldNotBeNull();
        metadata.ProviderName.ShouldBe("assemblyai");
        metadata.DefaultModelId.ShouldBe("universal-2");
        client.GetService<AssemblyAIClientOptions>().ShouldNotBeNull();
        client.GetService<SpeechToTextClientMetadata>("key").ShouldBeNull();
        client.GetService<ISpeechToTextClient>().ShouldBeSameAs(client);
    }

    [Fact]
    public async Task MissingKey_IsNotConfigured_BeforeAnyRequest()
    {
        var handler = new ScriptedHandler();
        using var client = new AssemblyAISpeechToTextClient(new AssemblyAIClientOptions(), new HttpClient(handler));

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.GetTextAsync(new MemoryStream(TestAudio.Wav()), cancellationToken: Ct));
        ex.Kind.ShouldBe(ProviderErrorKind.NotConfigured);
        ex.Message.ShouldContain("ASSEMBLYAI_API_KEY");
        handler.Seen.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListModels_ChecksTheKey_AndReturnsTheDocumentedModels()
    {
        var handler = new ScriptedHandler().On("GET v2/transcript", """{"page_details":{"limit":1},"transcripts":[]}""");
        using var client = TestAudio.Client(handler, new TimerWatchingClock());

        var models = await client.ListModelsAsync(Ct);

        handler.Seen.Single().Request.Uri.Query.ShouldBe("?limit=1");
        handler.Seen.Single().Request.Headers["Authorization"].ShouldBe(TestAudio.Key);
        models.Select(m => m.ModelId).ShouldContain("universal-2");
        models.Single(m => m.ModelId == "universal-streaming-english").Capabilities.ShouldBe(ModelCapabilities.SpeechToText | ModelCapabilities.Streaming);
        models.ShouldAllBe(m => m.ProviderId == "assemblyai");
    }

    [Fact]
    public async Task ListModels_BadKey_IsAuthentication()
    {
        var handler = new ScriptedHandler().On("GET v2/transcript", """{"error":"Authentication error, API token missing/invalid"}""", HttpStatusCode.Unauthorized);
        using var client = TestAudio.Client(handler, new TimerWatchingClock());

        await Should.ThrowAsync<AuthenticationException>(() => client.ListModelsAsync(Ct));
    }
}
