// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Deepgram;
using AssistantProviders.ElevenLabs;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// Speech (issue 15), with the options users get by default:
/// (g) live speech-to-text: a Deepgram live session over a loopback WebSocket whose server sends 1,000 interim <c>Results</c>
/// messages; the time is per message (receive, parse, map to an update), so it includes the socket's framing on loopback.
/// (h, i) text-to-speech streaming: 8 MiB of audio through our Deepgram and ElevenLabs streaming clients against a raw
/// <see cref="HttpClient"/> reading the same body in 16 KiB chunks: (h) over an in-memory handler (no network), so the ratio is
/// our clients' overhead alone; (i) over loopback Kestrel, the throughput a user sees. Target: our MB/s at least 0.9 of raw.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class SpeechBenchmarks
{
    public const int MessagesPerSession = 1000;
    private static readonly byte[] Audio = SpeechBenchServer.TtsAudio;
    private static readonly int TtsBytes = Audio.Length;

    private SpeechBenchServer _server = null!;
    private DeepgramSpeechToTextClient _live = null!;
    private DeepgramTextToSpeechClient _deepgramTts = null!;
    private ElevenLabsTextToSpeechClient _elevenLabsTts = null!;
    private HttpClient _raw = null!;
    private DeepgramTextToSpeechClient _deepgramLoopback = null!;
    private ElevenLabsTextToSpeechClient _elevenLabsLoopback = null!;
    private HttpClient _rawLoopback = null!;

    /// <summary>Gets the bytes one operation of <paramref name="methodName"/> handles (0 when not one of these benchmarks).</summary>
    /// <param name="methodName">The benchmark method name.</param>
    /// <returns>The bytes per operation.</returns>
    public static int BytesPerOperation(string methodName) => methodName switch
    {
        nameof(LiveSttMessage) => SpeechBenchServer.ResultsMessage.Length,
        nameof(RawHttpClientAudio) or nameof(DeepgramStreamingAudio) or nameof(ElevenLabsStreamingAudio)
            or nameof(RawHttpClientAudioLoopback) or nameof(DeepgramStreamingAudioLoopback) or nameof(ElevenLabsStreamingAudioLoopback) => SpeechBenchServer.TtsAudio.Length,
        _ => 0,
    };

    [GlobalSetup]
    public async Task Setup()
    {
        _server = await SpeechBenchServer.StartAsync();
        _server.ResultsPerSession = MessagesPerSession;
        _live = new DeepgramSpeechToTextClient(new DeepgramClientOptions { ApiKey = "bench-key", Endpoint = _server.BaseAddress });
        _deepgramTts = new DeepgramTextToSpeechClient(new DeepgramClientOptions { ApiKey = "bench-key" }, new HttpClient(new StaticResponseHandler(Audio, "audio/mpeg")));
        _elevenLabsTts = new ElevenLabsTextToSpeechClient(new ElevenLabsClientOptions { ApiKey = "bench-key" }, new HttpClient(new StaticResponseHandler(Audio, "audio/mpeg")));
        _raw = new HttpClient(new StaticResponseHandler(Audio, "audio/mpeg"));
        _deepgramLoopback = new DeepgramTextToSpeechClient(new DeepgramClientOptions { ApiKey = "bench-key", Endpoint = _server.BaseAddress });
        _elevenLabsLoopback = new ElevenLabsTextToSpeechClient(new ElevenLabsClientOptions { ApiKey = "bench-key", Endpoint = _server.BaseAddress });
        _rawLoopback = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _live.Dispose();
        _deepgramTts.Dispose();
        _elevenLabsTts.Dispose();
        _raw.Dispose();
        _deepgramLoopback.Dispose();
        _elevenLabsLoopback.Dispose();
        _rawLoopback.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Description = "g live STT: one Results message received, parsed and mapped (loopback socket)", OperationsPerInvoke = MessagesPerSession)]
    [BenchmarkCategory("live-stt")]
    public async Task<int> LiveSttMessage()
    {
        var updates = 0;
        using var audio = new GeneratedAudioStream(32_044, wavHeader: true);
        await foreach (var update in _live.GetStreamingTextAsync(audio))
        {
            updates += update.Kind == SpeechToTextResponseUpdateKind.TextUpdating ? 1 : 0;
        }

        return updates == MessagesPerSession ? updates : throw new InvalidOperationException($"{updates} updates, expected {MessagesPerSession}");
    }

    [Benchmark(Baseline = true, Description = "h TTS 8 MiB in memory: raw HttpClient, 16 KiB reads")]
    [BenchmarkCategory("tts")]
    public Task<long> RawHttpClientAudio() => Raw(_raw, new Uri("https://bench.invalid/v1/speak"));

    [Benchmark(Description = "h TTS 8 MiB in memory: DeepgramTextToSpeechClient.GetStreamingAudioAsync")]
    [BenchmarkCategory("tts")]
    public Task<long> DeepgramStreamingAudio() => Sum(_deepgramTts);

    [Benchmark(Description = "h TTS 8 MiB in memory: ElevenLabsTextToSpeechClient.GetStreamingAudioAsync")]
    [BenchmarkCategory("tts")]
    public Task<long> ElevenLabsStreamingAudio() => Sum(_elevenLabsTts);

    [Benchmark(Description = "i TTS 8 MiB loopback: raw HttpClient, 16 KiB reads")]
    [BenchmarkCategory("tts-loopback")]
    public Task<long> RawHttpClientAudioLoopback() => Raw(_rawLoopback, new Uri(_server.BaseAddress, "v1/speak"));

    [Benchmark(Description = "i TTS 8 MiB loopback: DeepgramTextToSpeechClient.GetStreamingAudioAsync")]
    [BenchmarkCategory("tts-loopback")]
    public Task<long> DeepgramStreamingAudioLoopback() => Sum(_deepgramLoopback);

    [Benchmark(Description = "i TTS 8 MiB loopback: ElevenLabsTextToSpeechClient.GetStreamingAudioAsync")]
    [BenchmarkCategory("tts-loopback")]
    public Task<long> ElevenLabsStreamingAudioLoopback() => Sum(_elevenLabsLoopback);

    private static async Task<long> Raw(HttpClient client, Uri uri)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent("{\"text\":\"hello\"}") };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static async Task<long> Sum(ITextToSpeechClient client)
    {
        long total = 0;
        await foreach (var update in client.GetStreamingAudioAsync("hello"))
        {
            foreach (var content in update.Contents)
            {
                total += content is DataContent data ? data.Data.Length : 0;
            }
        }

        return total == TtsBytes ? total : throw new InvalidOperationException($"{total} bytes, expected {TtsBytes}");
    }
}
