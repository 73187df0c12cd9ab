// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.WebSockets;
using AssistantProviders.Emulator;

namespace AssistantProviders.Deepgram.Tests;

/// <summary>The live <c>/v1/listen</c> socket against the loopback emulator's Deepgram socket wire.</summary>
public sealed class DeepgramLiveStreamingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DeepgramSpeechToTextClient Client(EmulatorServer server, TimeProvider? time = null, Action<DeepgramClientOptions>? configure = null)
    {
        var options = new DeepgramClientOptions { ApiKey = TestAudio.Key, Endpoint = server.DeepgramEndpoint };
        configure?.Invoke(options);
        return new DeepgramSpeechToTextClient(options, null, null, time);
    }

    private static async Task<List<SpeechToTextResponseUpdate>> CollectAsync(IAsyncEnumerable<SpeechToTextResponseUpdate> updates, List<SpeechToTextResponseUpdate>? into = null)
    {
        var list = into ?? [];
        await foreach (var update in updates)
        {
            list.Add(update);
        }

        return list;
    }

    [Fact]
    public async Task Live_Wav_OpenInterimsFinalsClose_FinalsMakeTheTranscript()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ExpectedApiKey = TestAudio.Key }, Ct);
        using var client = Client(server, configure: o => o.StreamingChunkBytes = 1000);

        var updates = await CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(64000)), new SpeechToTextOptions
        {
            SpeechLanguage = "en",
            AdditionalProperties = new() { [DeepgramPropertyNames.UtteranceEndMs] = 1000, [DeepgramPropertyNames.VadEvents] = true },
        }, Ct));

        updates[0].Kind.ShouldBe(SpeechToTextResponseUpdateKind.SessionOpen);
        updates.ShouldContain(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdating);
        updates.ShouldContain(u => u.Kind == new SpeechToTextResponseUpdateKind("deepgram.speech_started"));
        updates.ShouldContain(u => u.Kind == new SpeechToTextResponseUpdateKind("deepgram.utterance_end"));
        var finals = updates.Where(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdated).ToList();
        finals.Count.ShouldBe(2); // the empty final is not emitted
        string.Join(' ', finals.Select(f => f.Text)).ShouldBe(EmulatorDefaults.TranscriptText);
        finals.ShouldAllBe(f => !string.IsNullOrWhiteSpace(f.Text));
        var close = updates[^1];
        close.Kind.ShouldBe(SpeechToTextResponseUpdateKind.SessionClose);
        close.EndTime.ShouldBe(TimeSpan.FromSeconds(2));
        close.Contents.OfType<UsageContent>().Single().Details.AdditionalCounts!["audio_seconds"].ShouldBe(2);

        var handshake = server.Requests.Single(r => r.Vendor == "deepgram");
        handshake.Path.ShouldBe("/deepgram/v1/listen");
        handshake.Query.ShouldContain("model=nova-3");
        handshake.Query.ShouldContain("interim_results=true");
        handshake.Query.ShouldContain("language=en");
        handshake.Query.ShouldContain("utterance_end_ms=1000");
    }

    [Fact]
    public async Task Live_Finalize_MarksTheLastFinal()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var updates = await CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(32000)), new SpeechToTextOptions
        {
            AdditionalProperties = new() { [DeepgramPropertyNames.Finalize] = true },
        }, Ct));

        updates.Last(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdated).AdditionalProperties![DeepgramPropertyNames.FromFinalize].ShouldBe(true);
    }

    [Fact]
    public async Task Live_EmptyAudio_IsRejectedBeforeConnecting()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => CollectAsync(client.GetStreamingTextAsync(new MemoryStream(), cancellationToken: Ct)));

        ex.ErrorCode.ShouldBe("empty_audio");
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Live_HeaderlessAudioWithoutEncoding_IsRejectedBeforeConnecting()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => CollectAsync(client.GetStreamingTextAsync(new MemoryStream(new byte[4000]), cancellationToken: Ct)));

        ex.ErrorCode.ShouldBe("unsupported_audio_format");
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Live_EmulatorSocketDrop_IsIncompleteStream_NeverSuccess()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.Socket("deepgram", FaultKind.SocketDropAfterMessages, messages: 2));
        using var client = Client(server);
        var seen = new List<SpeechToTextResponseUpdate>();

        var ex = await Should.ThrowAsync<IncompleteStreamException>(() => CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(32000)), cancellationToken: Ct), seen));

        // The emulator aborts the connection (a TCP reset may discard frames in flight): whatever arrived is in the partial text.
        ex.Data[DeepgramPropertyNames.PartialTranscript].ShouldBe(string.Join(' ', seen.Where(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdated).Select(u => u.Text)));
        seen.ShouldNotContain(u => u.Kind == SpeechToTextResponseUpdateKind.SessionClose);
    }

    [Fact]
    public async Task Live_EmulatorSendsInterimResults_WhileTheAudioIsStillArriving()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ExpectedApiKey = TestAudio.Key }, Ct);
        using var client = Client(server);
        var source = new GatedStream(TestAudio.Wav(3 * 32_000)); // 3 s of audio, then the source waits

        await using var updates = client.GetStreamingTextAsync(source, cancellationToken: Ct).GetAsyncEnumerator(Ct);
        var before = new List<SpeechToTextResponseUpdate>();
        while (await updates.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20), Ct) && updates.Current.Kind != SpeechToTextResponseUpdateKind.TextUpdating)
        {
            before.Add(updates.Current);
        }

        var partial = updates.Current;
        partial.Kind.ShouldBe(SpeechToTextResponseUpdateKind.TextUpdating);
        partial.Text.ShouldBe(EmulatorDefaults.TranscriptText.Split(' ')[0]);
        source.Release();
        var rest = new List<SpeechToTextResponseUpdate>();
        while (await updates.MoveNextAsync())
        {
            rest.Add(updates.Current);
        }

        rest.Count(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdated).ShouldBe(2);
        rest[^1].Kind.ShouldBe(SpeechToTextResponseUpdateKind.SessionClose);
    }

    [Fact]
    public async Task Live_SocketEndedAfterOneFinal_WithoutClose_IsIncompleteStream_CarryingThatFinal()
    {
        const string final = """{"type":"Results","channel_index":[0,1],"duration":1.0,"start":0.0,"is_final":true,"speech_final":true,"channel":{"alternatives":[{"transcript":"Hello world","confidence":0.9,"words":[]}]}}""";
        await using var server = new LoopbackSocketServer(async (socket, s) =>
        {
            await s.ReceiveUntilAsync(socket, "CloseStream");
            await LoopbackSocketServer.SendAsync(socket, final);
            s.EndWithoutClose();
        });
        using var client = new DeepgramSpeechToTextClient(new DeepgramClientOptions { ApiKey = TestAudio.Key, Endpoint = server.Endpoint });
        var seen = new List<SpeechToTextResponseUpdate>();

        var ex = await Should.ThrowAsync<IncompleteStreamException>(() => CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(3200)), cancellationToken: Ct), seen));

        seen.Single(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdated).Text.ShouldBe("Hello world");
        ex.Data[DeepgramPropertyNames.PartialTranscript].ShouldBe("Hello world");
        server.TextReceived.ShouldContain("""{"type":"CloseStream"}""");
    }

    [Fact]
    public async Task Live_NormalCloseWithoutTheClosingMetadata_IsIncompleteStream()
    {
        await using var server = new LoopbackSocketServer(async (socket, s) =>
        {
            await s.ReceiveUntilAsync(socket, "CloseStream");
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        });
        using var client = new DeepgramSpeechToTextClient(new DeepgramClientOptions { ApiKey = TestAudio.Key, Endpoint = server.Endpoint });

        var ex = await Should.ThrowAsync<IncompleteStreamException>(() => CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(3200)), cancellationToken: Ct)));

        ex.Message.ShouldContain("without the closing Metadata");
    }

    [Fact]
    public async Task Live_ControlMessages_MatchTheAsyncApiShapes_AndTheKeyIsOnTheHandshake()
    {
        const string metadata = """{"type":"Metadata","request_id":"r-1","duration":0.1,"channels":1}""";
        await using var server = new LoopbackSocketServer(async (socket, s) =>
        {
            await s.ReceiveUntilAsync(socket, "CloseStream");
            await LoopbackSocketServer.SendAsync(socket, metadata);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        });
        using var client = new DeepgramSpeechToTextClient(new DeepgramClientOptions { ApiKey = TestAudio.Key, Endpoint = server.Endpoint });

        var updates = await CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(3200)), new SpeechToTextOptions { AdditionalProperties = new() { [DeepgramPropertyNames.Finalize] = true } }, Ct));

        server.TextReceived.ShouldBe(["""{"type":"Finalize"}""", """{"type":"CloseStream"}"""]);
        updates[^1].Kind.ShouldBe(SpeechToTextResponseUpdateKind.SessionClose);
        updates[^1].ResponseId.ShouldBe("r-1");
    }

    [Fact]
    public async Task Live_ServerClosesAfterTheMetadata_TheClientAnswersTheClose_CompletingTheHandshake()
    {
        const string metadata = """{"type":"Metadata","request_id":"r-2","duration":0.1,"channels":1}""";
        var answer = new TaskCompletionSource<WebSocketMessageType>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackSocketServer(async (socket, s) =>
        {
            await s.ReceiveUntilAsync(socket, "CloseStream");
            await LoopbackSocketServer.SendAsync(socket, metadata);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            try
            {
                var result = await socket.ReceiveAsync(new byte[1024], CancellationToken.None);
                answer.TrySetResult(result.MessageType);
            }
            catch (WebSocketException ex)
            {
                answer.TrySetException(ex); // the client aborted instead of answering
            }
        });
        using var client = new DeepgramSpeechToTextClient(new DeepgramClientOptions { ApiKey = TestAudio.Key, Endpoint = server.Endpoint });

        var updates = await CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(3200)), cancellationToken: Ct));

        updates[^1].Kind.ShouldBe(SpeechToTextResponseUpdateKind.SessionClose);
        (await answer.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct)).ShouldBe(WebSocketMessageType.Close);
    }

    [Fact]
    public async Task Live_ServerCloseWithErrorCode_IsTypedError()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(new EmulatorFault { Vendor = "deepgram", Kind = FaultKind.SocketCloseWithError, Chunks = 1, CloseCode = 1011, Message = "NET-0001: no audio received", Count = 1 });
        using var client = Client(server);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(32000)), cancellationToken: Ct)));

        ex.ShouldNotBeOfType<IncompleteStreamException>();
        ex.ErrorCode.ShouldBe("ws-1011");
        ex.StatusCode.ShouldBe(500);
        ex.Message.ShouldContain("NET-0001");
    }

    [Fact]
    public async Task Live_HandshakeRefused_401_IsAuthentication_WithoutTheKey()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ExpectedApiKey = "another-key" }, Ct);
        using var client = Client(server);

        var ex = await Should.ThrowAsync<AuthenticationException>(() => CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(3200)), cancellationToken: Ct)));

        ex.ToString().ShouldNotContain(TestAudio.Key);
    }

    [Fact]
    public async Task Live_SilentServer_IsBoundedByTheIdleTimeout()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.Socket("deepgram", FaultKind.SocketStall, messages: 0));
        var clock = new TimerWatchingClock();
        using var client = Client(server, clock, o => o.StreamingIdleTimeout = TimeSpan.FromSeconds(42));

        var run = CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(3200)), cancellationToken: Ct));
        await clock.FireWhenCreatedAsync(TimeSpan.FromSeconds(42));

        var ex = await Should.ThrowAsync<ProviderTimeoutException>(() => run);
        ex.Message.ShouldContain("42");
    }

    [Fact]
    public async Task Live_IdleAudioSource_SendsKeepAlive_AndTheSessionStillEndsNormally()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        var clock = new TimerWatchingClock();
        using var client = Client(server, clock, o => o.KeepAliveInterval = TimeSpan.FromSeconds(3));
        var audio = new GatedStream(TestAudio.Wav(3200));

        var run = CollectAsync(client.GetStreamingTextAsync(audio, cancellationToken: Ct));
        await clock.FireWhenCreatedAsync(TimeSpan.FromSeconds(3));
        audio.Release();
        var updates = await run;

        updates[^1].Kind.ShouldBe(SpeechToTextResponseUpdateKind.SessionClose);
        string.Join(' ', updates.Where(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdated).Select(u => u.Text)).ShouldBe(EmulatorDefaults.TranscriptText);
    }

    [Fact]
    public async Task Live_CancelledMidStream_ThrowsOperationCanceled_NotWrapped()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var audio = new GatedStream(TestAudio.Wav(3200));

        var ex = await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingTextAsync(audio, cancellationToken: cts.Token))
            {
                if (update.Kind == SpeechToTextResponseUpdateKind.SessionOpen)
                {
                    await cts.CancelAsync();
                }
            }
        });

        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
    }

    [Fact]
    public async Task Live_PreCancelled_ThrowsOperationCanceled_WithoutConnecting()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(3200)), cancellationToken: cts.Token)));
        server.Requests.ShouldBeEmpty();
    }
}
