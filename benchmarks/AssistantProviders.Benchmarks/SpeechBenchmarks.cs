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
/// (h) text-to-speech streaming: 8 MiB of audio through our Deepgram and ElevenLabs streaming clients against a raw
/// <see cref="HttpClient"/> reading the same body in 16 KiB chunks, all over an in-memory handler (no network), so the ratio is
/// our clients' overhead alone. Target: our MB/s at least 0.9 of raw.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class SpeechBenchmarks
{
    public const int MessagesPerSession = 1000;
    private const int TtsBytes = 8 * 1024 * 1024;
    private static readonly byte[] Audio = CreateAudio();

    private SpeechBenchServer _server = null!;
    private DeepgramSpeechToTextClient _live = null!;
    private DeepgramTextToSpeechClient _deepgramTts = null!;
    private ElevenLabsTextToSpeechClient _elevenLabsTts = null!;
    private HttpClient _raw = null!;

    /// <summary>Gets the bytes one operation of <paramref name="methodName"/> handles (0 when not one of these benchmarks).</summary>
    /// <param name="methodName">The benchmark method name.</param>
    /// <returns>The bytes per operation.</returns>
    public static int BytesPerOperation(string methodName) => methodName switch
    {
        nameof(LiveSttMessage) => SpeechBenchServer.ResultsMessage.Length,
        nameof(RawHttpClientAudio) or nameof(DeepgramStreamingAudio) or nameof(ElevenLabsStreamingAudio) => TtsBytes,
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
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _live.Dispose();
        _deepgramTts.Dispose();
        _elevenLabsTts.Dispose();
        _raw.Dispose();
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

    [Benchmark(Baseline = true, Description = "h TTS 8 MiB: raw HttpClient, 16 KiB reads")]
    [BenchmarkCategory("tts")]
    public async Task<long> RawHttpClientAudio()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://bench.invalid/v1/speak") { Content = new StringContent("{\"text\":\"hello\"}") };
        using var response = await _raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
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

    [Benchmark(Description = "h TTS 8 MiB: DeepgramTextToSpeechClient.GetStreamingAudioAsync")]
    [BenchmarkCategory("tts")]
    public Task<long> DeepgramStreamingAudio() => Sum(_deepgramTts);

    [Benchmark(Description = "h TTS 8 MiB: ElevenLabsTextToSpeechClient.GetStreamingAudioAsync")]
    [BenchmarkCategory("tts")]
    public Task<long> ElevenLabsStreamingAudio() => Sum(_elevenLabsTts);

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

    private static byte[] CreateAudio()
    {
        var audio = new byte[TtsBytes];
        new Random(15).NextBytes(audio);
        audio[0] = 0xFF; // an MP3 frame sync, as a real body starts
        audio[1] = 0xFB;
        return audio;
    }
}
