// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers.Binary;
using System.Net;
using System.Runtime.CompilerServices;
using AssistantProviders.Routing;
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Tests.Routing;

/// <summary>
/// The speech router with live audio (issue 15): a forward-only source is passed on as it arrives (never buffered whole), its
/// start is kept only for a failover before the first update, budgets are reserved on audio minutes and characters, cheapest
/// routing compares per-minute and per-character prices, and a streamed transcription is billed by the audio it covered.
/// </summary>
public sealed class SpeechRoutingTests
{
    [Fact]
    public async Task Live_audio_is_passed_on_as_it_arrives_not_buffered_until_it_ends()
    {
        using var harness = new RouterHarness();
        harness.Add("a");
        var client = new LiveStt { FailAfterBytes = null };
        harness.Services.AddKeyedSingleton<ISpeechToTextClient>("a", client);
        var source = new GatedStream();

        await using var updates = harness.Speech.GetStreamingTextAsync(source).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var first = updates.MoveNextAsync().AsTask();
        source.Push(new byte[320]);
        (await first.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).ShouldBeTrue(); // the source has not ended
        updates.Current.Text.ShouldBe("heard 320");
        source.End();
        while (await updates.MoveNextAsync())
        {
        }

        client.Received.ShouldBe(320);
    }

    [Fact]
    public async Task A_failure_before_the_first_update_replays_the_kept_start_to_the_next_route()
    {
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        harness.Add("a");
        harness.Add("b");
        var failing = new LiveStt { FailAfterBytes = 1000 };
        var serving = new LiveStt { FailAfterBytes = null };
        harness.Services.AddKeyedSingleton<ISpeechToTextClient>("a", failing);
        harness.Services.AddKeyedSingleton<ISpeechToTextClient>("b", serving);
        var source = new GatedStream();
        for (var i = 0; i < 10; i++)
        {
            source.Push(Enumerable.Repeat((byte)i, 400).ToArray());
        }

        source.End();
        var texts = new List<string>();
        await foreach (var u in harness.Speech.GetStreamingTextAsync(source, cancellationToken: TestContext.Current.CancellationToken))
        {
            texts.Add(u.Text);
        }

        failing.Received.ShouldBe(1200); // three 400-byte reads, then the failure
        serving.Received.ShouldBe(4000); // the kept 1200 bytes again, then the rest of the source
        serving.FirstBytes.ShouldBe(Enumerable.Repeat((byte)0, 400).Concat(Enumerable.Repeat((byte)1, 400)).Concat(Enumerable.Repeat((byte)2, 400)).ToArray());
        texts[^1].ShouldBe("done");
    }

    [Fact]
    public async Task Once_more_audio_than_the_kept_limit_was_sent_a_failure_is_not_failed_over()
    {
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        harness.Add("a");
        harness.Add("b");
        var failing = new LiveStt { FailAfterBytes = ReplayableAudioStream.RecordLimit + 64 * 1024 };
        var serving = new LiveStt { FailAfterBytes = null };
        harness.Services.AddKeyedSingleton<ISpeechToTextClient>("a", failing);
        harness.Services.AddKeyedSingleton<ISpeechToTextClient>("b", serving);
        var source = new GatedStream();
        for (var i = 0; i < 40; i++)
        {
            source.Push(new byte[64 * 1024]);
        }

        source.End();
        await Should.ThrowAsync<Exception>(async () =>
        {
            await foreach (var _ in harness.Speech.GetStreamingTextAsync(source, cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });
        serving.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task A_wav_file_reserves_its_exact_duration_and_a_streamed_transcription_is_billed_by_the_audio_it_covered()
    {
        using var harness = new RouterHarness();
        harness.Add("a");
        harness.Services.AddKeyedSingleton<ISpeechToTextClient>("a", new LiveStt { FailAfterBytes = null, EndTime = TimeSpan.FromSeconds(90) });
        using var wav = new MemoryStream(Wav(seconds: 120, sampleRate: 16000));

        await foreach (var _ in harness.Speech.GetStreamingTextAsync(wav, cancellationToken: TestContext.Current.CancellationToken))
        {
        }

        harness.Accounting.Begun.ShouldHaveSingleItem().AudioMinutes.ShouldBe(2d);
        harness.Accounting.Settled.ShouldHaveSingleItem().Result.AudioMinutes.ShouldBe(1.5d);
    }

    [Fact]
    public async Task Text_to_speech_reserves_on_its_characters()
    {
        using var harness = new RouterHarness();
        harness.Add("a");
        harness.Services.AddKeyedSingleton<ITextToSpeechClient>("a", new Tts());

        await harness.Speech.GetAudioAsync("twelve chars", cancellationToken: TestContext.Current.CancellationToken);

        harness.Accounting.Begun.ShouldHaveSingleItem().Characters.ShouldBe(12);
    }

    [Fact]
    public async Task Cheapest_speech_to_text_compares_prices_per_audio_minute()
    {
        using var harness = new RouterHarness(o => o.Strategy = RoutingStrategy.Cheapest);
        harness.Add("dear", defaultModel: "stt");
        harness.Add("cheap", defaultModel: "stt");
        harness.Accounting.UnitPrices["dear/stt"] = 0.0065m;
        harness.Accounting.UnitPrices["cheap/stt"] = 0.0025m;
        var dear = new LiveStt { FailAfterBytes = null };
        var cheap = new LiveStt { FailAfterBytes = null };
        harness.Services.AddKeyedSingleton<ISpeechToTextClient>("dear", dear);
        harness.Services.AddKeyedSingleton<ISpeechToTextClient>("cheap", cheap);
        using var wav = new MemoryStream(Wav(seconds: 30, sampleRate: 8000));

        await foreach (var _ in harness.Speech.GetStreamingTextAsync(wav, cancellationToken: TestContext.Current.CancellationToken))
        {
        }

        (cheap.Calls, dear.Calls).ShouldBe((1, 0));
    }

    [Theory]
    [InlineData(16000, 10, 10d)]
    [InlineData(8000, 3, 3d)]
    public void Wav_duration_is_its_data_over_its_byte_rate(int rate, int seconds, double expected)
    {
        var bytes = Wav(seconds, rate);
        AudioDuration.Wav(bytes.AsSpan(0, 512), bytes.Length).ShouldBe(expected);
    }

    [Fact]
    public void Compressed_audio_of_a_known_length_is_bounded_at_16_kbit_per_second()
    {
        using var mp3 = new MemoryStream(new byte[120_000]); // 120 kB at 2 kB/s = 60 s
        AudioDuration.EstimateMinutes(mp3).ShouldBe(1d);
        mp3.Position.ShouldBe(0);
    }

    private static byte[] Wav(int seconds, int sampleRate)
    {
        var data = seconds * sampleRate * 2;
        var bytes = new byte[44 + data];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), data);
        return bytes;
    }

    /// <summary>A live transcriber: one update per read, optionally failing after some bytes, "done" at the end.</summary>
    private sealed class LiveStt : ISpeechToTextClient
    {
        private int _calls;

        public int? FailAfterBytes { get; init; }

        public TimeSpan? EndTime { get; init; }

        public int Calls => _calls;

        public long Received { get; private set; }

        public byte[] FirstBytes { get; private set; } = [];

        public Task<SpeechToTextResponse> GetTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<SpeechToTextResponseUpdate> GetStreamingTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            var buffer = new byte[400];
            var first = new List<byte>();
            int read;
            while ((read = await audioSpeechStream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                Received += read;
                if (first.Count < 1200)
                {
                    first.AddRange(buffer.Take(Math.Min(read, 1200 - first.Count)));
                    FirstBytes = [.. first];
                }

                if (FailAfterBytes is { } limit && Received >= limit)
                {
                    throw new HttpRequestException("socket down", null, HttpStatusCode.BadGateway);
                }

                if (FailAfterBytes is null)
                {
                    yield return new SpeechToTextResponseUpdate("heard " + Received) { EndTime = EndTime };
                }
            }

            yield return new SpeechToTextResponseUpdate("done") { EndTime = EndTime };
        }

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(SpeechToTextClientMetadata) ? new SpeechToTextClientMetadata("fake", null, "stt") : null;

        public void Dispose()
        {
        }
    }

    private sealed class Tts : ITextToSpeechClient
    {
        public Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new TextToSpeechResponse([new DataContent(new byte[] { 1 }, "audio/mpeg")]));

        public IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    /// <summary>A forward-only source fed by the test: a read waits until bytes are pushed or the source is ended.</summary>
    private sealed class GatedStream : Stream
    {
        private readonly System.Threading.Channels.Channel<byte[]> _chunks = System.Threading.Channels.Channel.CreateUnbounded<byte[]>();
        private byte[] _current = [];
        private int _offset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Push(byte[] chunk) => _chunks.Writer.TryWrite(chunk);

        public void End() => _chunks.Writer.TryComplete();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_offset >= _current.Length)
            {
                if (!await _chunks.Reader.WaitToReadAsync(cancellationToken) || !_chunks.Reader.TryRead(out var next))
                {
                    return 0;
                }

                _current = next;
                _offset = 0;
            }

            var n = Math.Min(buffer.Length, _current.Length - _offset);
            _current.AsMemory(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
