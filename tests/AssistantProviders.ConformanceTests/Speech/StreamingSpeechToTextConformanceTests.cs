// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests;

/// <summary>
/// The live (WebSocket) streaming speech-to-text contract of <see cref="ISpeechToTextClient.GetStreamingTextAsync"/>, against the
/// emulator's socket wire of the vendor: ordered updates whose finals make the emulator transcript, interim vs final kinds, bad
/// input before connecting, clean cancellation, a dropped socket as <see cref="IncompleteStreamException"/>, a close code as a
/// typed error, refused handshakes, metadata. Provider-neutral: a vendor overrides the factory and, where its wire differs, the
/// virtual members. A null client skips.
/// </summary>
public abstract class StreamingSpeechToTextConformanceTests : EmulatorConformanceSuite
{
    /// <summary>Initializes a new instance of the <see cref="StreamingSpeechToTextConformanceTests"/> class.</summary>
    /// <param name="fixture">The class's emulator.</param>
    protected StreamingSpeechToTextConformanceTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    /// <summary>Gets a fragment of the socket's handshake path (<c>v1/listen</c>, <c>v3/ws</c>).</summary>
    protected abstract string SocketPath { get; }

    /// <summary>Gets a value indicating whether the vendor's wire sends interim (<see cref="SpeechToTextResponseUpdateKind.TextUpdating"/>) results. Default <see langword="true"/>.</summary>
    protected virtual bool SendsInterimResults => true;

    /// <summary>
    /// Gets the key under which the vendor's <see cref="IncompleteStreamException"/> carries the final text received so far in its
    /// <c>Data</c>, or <see langword="null"/> when it does not.
    /// </summary>
    protected virtual string? PartialTranscriptKey => null;

    /// <summary>Creates the client pointed at the emulator, or <see langword="null"/> to skip.</summary>
    /// <param name="emulator">The running emulator.</param>
    /// <param name="apiKey">The key to configure.</param>
    /// <returns>The client.</returns>
    protected abstract ISpeechToTextClient? CreateStreamingSpeechToTextClient(EmulatorServer emulator, string apiKey);

    /// <summary>Creates the options that select the live socket (and any format knobs it needs); <see langword="null"/> by default.</summary>
    /// <returns>The options.</returns>
    protected virtual SpeechToTextOptions? CreateLiveOptions() => null;

    /// <summary>Creates the audio: one second of 16 kHz 16-bit mono PCM silence in a WAV container, by default.</summary>
    /// <returns>A readable stream.</returns>
    protected virtual Stream CreateAudio() => new MemoryStream(Wav(32000));

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Streaming_UpdatesArriveInOrder_AndTheFinalsMakeTheTranscript()
    {
        using var client = Create();
        using var audio = CreateAudio();

        var updates = await CollectAsync(client.GetStreamingTextAsync(audio, CreateLiveOptions(), TestContext.Current.CancellationToken));

        var finals = updates.Where(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdated).ToList();
        finals.ShouldNotBeEmpty();
        string.Join(' ', finals.Select(f => f.Text.Trim())).ShouldBe(EmulatorDefaults.TranscriptText);
        var close = updates.FindIndex(u => u.Kind == SpeechToTextResponseUpdateKind.SessionClose);
        if (close >= 0)
        {
            close.ShouldBe(updates.Count - 1, "nothing follows the session close");
        }

        var open = updates.FindIndex(u => u.Kind == SpeechToTextResponseUpdateKind.SessionOpen);
        open.ShouldBeLessThanOrEqualTo(0, "a session open, when sent, comes first");
        var starts = finals.Where(f => f.StartTime is not null).Select(f => f.StartTime!.Value).ToList();
        starts.ShouldBe(starts.Order().ToList(), "finals arrive in audio order");
        Emulator.Requests.Last(r => r.Vendor == EmulatorVendor).Path.ShouldContain(SocketPath);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Streaming_InterimsAreTextUpdating_FinalsAreTextUpdated_NoneEmpty()
    {
        using var client = Create();
        using var audio = CreateAudio();

        var updates = await CollectAsync(client.GetStreamingTextAsync(audio, CreateLiveOptions(), TestContext.Current.CancellationToken));

        var text = updates.Where(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdating || u.Kind == SpeechToTextResponseUpdateKind.TextUpdated).ToList();
        text.ShouldAllBe(u => !string.IsNullOrWhiteSpace(u.Text));
        if (SendsInterimResults)
        {
            var firstInterim = updates.FindIndex(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdating);
            firstInterim.ShouldBeGreaterThanOrEqualTo(0);
            firstInterim.ShouldBeLessThan(updates.FindIndex(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdated));
        }

        updates.ShouldAllBe(u => u.Kind != SpeechToTextResponseUpdateKind.Error);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Streaming_EmptyAudio_IsRejectedBeforeConnecting()
    {
        using var client = Create();
        var before = Emulator.Requests.Count(r => r.Vendor == EmulatorVendor);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => CollectAsync(client.GetStreamingTextAsync(new MemoryStream(), CreateLiveOptions(), TestContext.Current.CancellationToken)));

        ex.Kind.ShouldBe(ProviderErrorKind.BadRequest);
        ex.ProviderId.ShouldBe(ProviderId);
        Emulator.Requests.Count(r => r.Vendor == EmulatorVendor).ShouldBe(before);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Streaming_PreCancelledToken_ThrowsOperationCanceled_NotWrapped()
    {
        using var client = Create();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        using var audio = CreateAudio();

        var ex = await Should.ThrowAsync<OperationCanceledException>(() => CollectAsync(client.GetStreamingTextAsync(audio, CreateLiveOptions(), cts.Token)));
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Streaming_CancelledMidStream_ThrowsOperationCanceled_AndTheClientStaysUsable()
    {
        using var client = Create();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var head = CreateAudio();
        var first = new byte[4096];
        var read = await head.ReadAtLeastAsync(first, first.Length, throwOnEndOfStream: false, TestContext.Current.CancellationToken);
        using var audio = new IdleAfterHeadStream(first.AsMemory(0, read).ToArray());

        var ex = await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingTextAsync(audio, CreateLiveOptions(), cts.Token))
            {
                _ = update;
                await cts.CancelAsync();
            }

            // No update before the audio ends: cancel while the source is idle.
            await cts.CancelAsync();
        });
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();

        using var again = CreateAudio();
        (await CollectAsync(client.GetStreamingTextAsync(again, CreateLiveOptions(), TestContext.Current.CancellationToken)))
            .ShouldContain(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdated);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Streaming_SocketDroppedAfterMessages_IsIncompleteStream_NeverSuccess()
    {
        using var client = Create();
        using var fault = Fixture.Fault(EmulatorFault.Socket(EmulatorVendor, FaultKind.SocketDropAfterMessages, messages: 1));
        using var audio = CreateAudio();
        var seen = new List<SpeechToTextResponseUpdate>();

        var ex = await Should.ThrowAsync<IncompleteStreamException>(() => CollectAsync(client.GetStreamingTextAsync(audio, CreateLiveOptions(), TestContext.Current.CancellationToken), seen));

        ex.ProviderId.ShouldBe(ProviderId);
        seen.ShouldNotContain(u => u.Kind == SpeechToTextResponseUpdateKind.SessionClose);
        if (PartialTranscriptKey is { } key)
        {
            // The drop is an abort: a TCP reset may discard frames in flight, so compare with what did arrive.
            ex.Data[key].ShouldBe(string.Join(' ', seen.Where(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdated).Select(u => u.Text.Trim())));
        }
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Streaming_ServerClosesWithAnErrorCode_IsATypedError_CarryingTheReason()
    {
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault
        {
            Vendor = EmulatorVendor,
            Kind = FaultKind.SocketCloseWithError,
            Chunks = 1,
            CloseCode = 1011,
            Message = "emulated server failure",
            Count = 1,
        });
        using var audio = CreateAudio();

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => CollectAsync(client.GetStreamingTextAsync(audio, CreateLiveOptions(), TestContext.Current.CancellationToken)));

        ex.ShouldNotBeOfType<IncompleteStreamException>();
        ex.StatusCode.ShouldBe(500);
        ex.ProviderId.ShouldBe(ProviderId);
        ex.Message.ShouldContain("emulated server failure");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Streaming_Handshake401_IsAuthenticationException_WithoutTheKey()
    {
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status401, Count = 1 });
        using var audio = CreateAudio();

        var ex = await Should.ThrowAsync<AuthenticationException>(() => CollectAsync(client.GetStreamingTextAsync(audio, CreateLiveOptions(), TestContext.Current.CancellationToken)));
        ex.ToString().ShouldNotContain(ConformanceConstants.ApiKey);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Streaming_Handshake429_WithRetryAfter_IsRateLimitedException()
    {
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status429, RetryAfter = "6", Count = 1 });
        using var audio = CreateAudio();

        var ex = await Should.ThrowAsync<RateLimitedException>(() => CollectAsync(client.GetStreamingTextAsync(audio, CreateLiveOptions(), TestContext.Current.CancellationToken)));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(6));
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public void Metadata_ProviderName_IsTheProviderId_AndGetServiceFollowsTheRules()
    {
        using var client = Create();
        client.GetService<SpeechToTextClientMetadata>().ShouldNotBeNull().ProviderName.ShouldBe(ProviderId);
        client.GetService(client.GetType()).ShouldBeSameAs(client);
        client.GetService(typeof(SpeechToTextClientMetadata), "some-key").ShouldBeNull();
    }

    /// <summary>A WAV header (16 kHz, 16-bit, mono) followed by <paramref name="dataBytes"/> bytes of silence.</summary>
    /// <param name="dataBytes">The sample bytes.</param>
    /// <returns>The file.</returns>
    protected static byte[] Wav(int dataBytes)
    {
        var data = new byte[44 + dataBytes];
        "RIFF"u8.CopyTo(data);
        BitConverter.TryWriteBytes(data.AsSpan(4), data.Length - 8);
        "WAVEfmt "u8.CopyTo(data.AsSpan(8));
        BitConverter.TryWriteBytes(data.AsSpan(16), 16);
        BitConverter.TryWriteBytes(data.AsSpan(20), (short)1);
        BitConverter.TryWriteBytes(data.AsSpan(22), (short)1);
        BitConverter.TryWriteBytes(data.AsSpan(24), 16000);
        BitConverter.TryWriteBytes(data.AsSpan(28), 32000);
        BitConverter.TryWriteBytes(data.AsSpan(32), (short)2);
        BitConverter.TryWriteBytes(data.AsSpan(34), (short)16);
        "data"u8.CopyTo(data.AsSpan(36));
        BitConverter.TryWriteBytes(data.AsSpan(40), dataBytes);
        return data;
    }

    /// <summary>Creates the client or skips the test (null client, or a known emulator gap for <paramref name="test"/>).</summary>
    /// <param name="test">The calling test.</param>
    /// <returns>The client.</returns>
    protected ISpeechToTextClient Create([CallerMemberName] string test = "") =>
        RequireClient(CreateStreamingSpeechToTextClient(Fixture.Server, ConformanceConstants.ApiKey), test);

    private static async Task<List<SpeechToTextResponseUpdate>> CollectAsync(IAsyncEnumerable<SpeechToTextResponseUpdate> updates, List<SpeechToTextResponseUpdate>? into = null)
    {
        var list = into ?? [];
        await foreach (var update in updates)
        {
            list.Add(update);
        }

        return list;
    }

    /// <summary>An audio source that yields its head, then stays idle (like a microphone in silence) until the read is cancelled.</summary>
    private sealed class IdleAfterHeadStream(byte[] head) : MemoryStream(head)
    {
        public override bool CanSeek => false;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                return read;
            }

            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return 0;
        }
    }
}
