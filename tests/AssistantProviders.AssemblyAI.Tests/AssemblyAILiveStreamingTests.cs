// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.AssemblyAI.Tests;

/// <summary>The live Universal-Streaming v3 path against the loopback emulator's socket wire.</summary>
public sealed class AssemblyAILiveStreamingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SpeechToTextOptions Live(Action<SpeechToTextOptions>? configure = null)
    {
        var options = new SpeechToTextOptions { AdditionalProperties = new() { [AssemblyAIPropertyNames.Live] = true } };
        configure?.Invoke(options);
        return options;
    }

    private static AssemblyAISpeechToTextClient Client(EmulatorServer server, TimeProvider? time = null, Action<AssemblyAIClientOptions>? configure = null)
    {
        var options = new AssemblyAIClientOptions { ApiKey = TestAudio.Key, Endpoint = server.AssemblyAIEndpoint };
        configure?.Invoke(options);
        return new AssemblyAISpeechToTextClient(options, null, null, time);
    }

    private static async Task<List<SpeechToTextResponseUpdate>> CollectAsync(IAsyncEnumerable<SpeechToTextResponseUpdate> updates)
    {
        var list = new List<SpeechToTextResponseUpdate>();
        await foreach (var update in updates)
        {
            list.Add(update);
        }

        return list;
    }

    [Fact]
    public async Task Live_Wav_BeginPartialsFinalTermination()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        var updates = await CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(32000)), Live(), Ct));

        updates[0].Kind.ShouldBe(SpeechToTextResponseUpdateKind.SessionOpen);
        updates[0].ResponseId.ShouldNotBeNullOrEmpty();
        updates.Skip(1).Take(updates.Count - 3).ShouldAllBe(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdating);
        updates.Count(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdating).ShouldBeGreaterThan(1); // the unformatted end of turn is interim too
        var final = updates.Single(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdated);
        final.Text.ShouldBe(EmulatorDefaults.TranscriptText);
        final.AdditionalProperties![AssemblyAIPropertyNames.TurnOrder].ShouldBe(0);
        var close = updates[^1];
        close.Kind.ShouldBe(SpeechToTextResponseUpdateKind.SessionClose);
        // 32000 bytes of samples at 32000 bytes/s: 1 s; had the 44-byte header been sent it would round up to 2 s.
        close.Contents.OfType<UsageContent>().Single().Details.AdditionalCounts!["audio_seconds"].ShouldBe(1);
        close.AdditionalProperties![AssemblyAIPropertyNames.SessionDuration].ShouldBe(TimeSpan.FromSeconds(1));
        updates.ShouldAllBe(u => u.ResponseId == updates[0].ResponseId && u.ModelId == "universal-streaming-english");

        var handshake = server.Requests.Single(r => r.Vendor == "assemblyai");
        handshake.Path.ShouldBe("/assemblyai/v3/ws");
        handshake.Query.ShouldBe("?sample_rate=16000&encoding=pcm_s16le&format_turns=true&speech_model=universal-streaming-english");
        handshake.HadAuthorization.ShouldBeTrue();
    }

    [Fact]
    public async Task Live_JfkWav_FromTheSharedData()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);
        await using var file = File.OpenRead(RepoPaths.Audio("jfk.wav"));

        var updates = await CollectAsync(client.GetStreamingTextAsync(file, Live(), Ct));

        updates.Single(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdated).Text.ShouldBe(EmulatorDefaults.TranscriptText);
        updates[^1].Contents.OfType<UsageContent>().Single().Details.AdditionalCounts!["audio_seconds"].ShouldBe(11); // 352000 bytes of samples
    }

    [Fact]
    public async Task Live_RawPcm_UsesTheOptionsSampleRateAndEncoding_WithoutFormatTurns()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server, configure: o => o.LiveStreaming = true);
        var options = new SpeechToTextOptions
        {
            ModelId = "universal-streaming-multilingual",
            SpeechSampleRate = 8000,
            AdditionalProperties = new() { [AssemblyAIPropertyNames.Encoding] = "pcm_mulaw", [AssemblyAIPropertyNames.FormatTurns] = false },
        };

        var updates = await CollectAsync(client.GetStreamingTextAsync(new MemoryStream(new byte[8000]), options, Ct));

        server.Requests.Single(r => r.Vendor == "assemblyai").Query.ShouldBe("?sample_rate=8000&encoding=pcm_mulaw&format_turns=false&speech_model=universal-streaming-multilingual");
        updates.Count(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdated).ShouldBe(1); // the unformatted end of turn is final here
        updates[^1].Kind.ShouldBe(SpeechToTextResponseUpdateKind.SessionClose);
    }

    [Fact]
    public async Task Live_ShortLastFrame_IsPaddedTo50ms()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server);

        // 100 bytes of samples: one frame padded to 1600 bytes (50 ms at 16 kHz); the emulator rounds 1600/32000 s up to 1 s.
        var updates = await CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(100)), Live(), Ct));

        updates.Count(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdating && u.Text.Length > 0).ShouldBeGreaterThan(0);
        updates[^1].Contents.OfType<UsageContent>().Single().Details.AdditionalCounts!["audio_seconds"].ShouldBe(1);
    }

    [Fact]
    public async Task Live_DroppedBeforeTermination_IsIncompleteStream_WithTheTextSoFar()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.Socket("assemblyai", FaultKind.SocketDropAfterMessages, messages: 3));
        using var client = Client(server);
        var seen = new List<SpeechToTextResponseUpdate>();

        var ex = await Should.ThrowAsync<IncompleteStreamException>(async () =>
        {
            await foreach (var update in client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(32000)), Live(), Ct))
            {
                seen.Add(update);
            }
        });

        // An abort (RST) may discard messages still in flight, so only an upper bound holds; none of them may be a close.
        seen.Count.ShouldBeLessThanOrEqualTo(3);
        seen.ShouldAllBe(u => u.Kind != SpeechToTextResponseUpdateKind.SessionClose);
        ex.Data[AssemblyAIPropertyNames.PartialTranscript].ShouldBe(string.Empty);
        ex.ToString().ShouldNotContain(TestAudio.Key);
    }

    [Theory]
    [InlineData(4001, typeof(AuthenticationException))]
    [InlineData(1011, typeof(AssistantProviderException))]
    public async Task Live_ServerCloseWithACode_IsTypedError(int code, Type expected)
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.Socket("assemblyai", FaultKind.SocketCloseWithError, messages: 1, closeCode: code));
        using var client = Client(server);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(32000)), Live(), Ct)));

        ex.GetType().ShouldBe(expected);
        ex.ShouldNotBeOfType<IncompleteStreamException>();
        ex.ErrorCode.ShouldBe("ws-" + code);
    }

    [Fact]
    public async Task Live_ServerThatGoesQuiet_IsBoundedByTheIdleTimeout()
    {
        var clock = new TimerWatchingClock();
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(new EmulatorFault { Vendor = "assemblyai", Kind = FaultKind.SocketStall, Chunks = 1, Count = 1 });
        using var client = Client(server, clock, o => o.StreamingIdleTimeout = TimeSpan.FromSeconds(7));

        var run = CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(32000)), Live(), Ct));
        var idleTimers = 0;
        while (idleTimers < 2)
        {
            if (await clock.NextTimerAsync() == TimeSpan.FromSeconds(7))
            {
                idleTimers++;
            }
        }

        clock.Advance(TimeSpan.FromSeconds(7));
        await Should.ThrowAsync<ProviderTimeoutException>(() => run);
    }

    [Fact]
    public async Task Live_Cancellation_ThrowsOperationCanceled_NotWrapped()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(new EmulatorFault { Vendor = "assemblyai", Kind = FaultKind.SocketStall, Chunks = 1, Count = 1 });
        using var client = Client(server);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var ex = await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(32000)), Live(), cts.Token))
            {
                update.Kind.ShouldBe(SpeechToTextResponseUpdateKind.SessionOpen);
                await cts.CancelAsync();
            }
        });

        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
        // The client still works afterwards (the socket was released).
        var again = await CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav(3200)), Live(), Ct));
        again[^1].Kind.ShouldBe(SpeechToTextResponseUpdateKind.SessionClose);
    }

    [Fact]
    public async Task Live_HandshakeRefused_IsAuthentication_WithoutTheKey()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ExpectedApiKey = "the-right-key" }, Ct);
        using var client = Client(server);

        var ex = await Should.ThrowAsync<AuthenticationException>(() => CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav()), Live(), Ct)));
        ex.ToString().ShouldNotContain(TestAudio.Key);
        ex.StatusCode.ShouldBe(401);
    }

    [Fact]
    public async Task Live_Handshake429_IsRateLimited()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(new EmulatorFault { Vendor = "assemblyai", Kind = FaultKind.Status429, RetryAfter = "4", Count = 1 });
        using var client = Client(server);

        var ex = await Should.ThrowAsync<RateLimitedException>(() => CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav()), Live(), Ct)));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(4));
    }

    public static TheoryData<byte[], SpeechToTextOptions?, string> BadLiveInput() => new()
    {
        { [], null, "empty_audio" },
        { [0x49, 0x44, 0x33, 4, 0, 0, 0, 0], null, "unsupported_audio_format" },
        { TestAudio.Wav(channels: 2), null, "unsupported_audio_format" },
        { TestAudio.Wav(format: 3, bits: 32), null, "unsupported_audio_format" },
        { TestAudio.Wav(sampleRate: 96000), null, "unsupported_sample_rate" },
        { new byte[3200], new SpeechToTextOptions { SpeechSampleRate = 4000 }, "unsupported_sample_rate" },
        { new byte[3200], new SpeechToTextOptions { AdditionalProperties = new() { [AssemblyAIPropertyNames.Encoding] = "opus" } }, "unsupported_audio_format" },
    };

    [Theory]
    [MemberData(nameof(BadLiveInput))]
    public async Task Live_BadInput_IsRejectedBeforeConnecting(byte[] audio, SpeechToTextOptions? options, string code)
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server, configure: o => o.LiveStreaming = true);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => CollectAsync(client.GetStreamingTextAsync(new MemoryStream(audio), options, Ct)));

        ex.ErrorCode.ShouldBe(code);
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Live_Off_StreamsThePrerecordedTranscript()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = Client(server, configure: o => o.PollInterval = TimeSpan.FromMilliseconds(1));

        var updates = await CollectAsync(client.GetStreamingTextAsync(new MemoryStream(TestAudio.Wav()), new SpeechToTextOptions(), Ct));

        string.Concat(updates.Select(u => u.Text)).ShouldBe(EmulatorDefaults.TranscriptText);
        server.Requests.Select(r => r.Method + " " + r.Path).ShouldContain("POST /assemblyai/v2/upload");
    }
}
