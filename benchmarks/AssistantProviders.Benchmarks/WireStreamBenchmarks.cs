// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.WebSockets;
using AssistantProviders.Anthropic;
using AssistantProviders.AssemblyAI;
using AssistantProviders.Cohere;
using AssistantProviders.Deepgram;
using AssistantProviders.ElevenLabs;
using AssistantProviders.Emulator;
using AssistantProviders.Gemini;
using AssistantProviders.Ollama;
using AssistantProviders.OpenAI;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// Stream parse + map per wire, held in memory: each client streams a 500-word answer once from the loopback emulator (which
/// speaks the vendor's wire: OpenAI SSE, Anthropic and Cohere SSE with named events, Gemini SSE, Ollama NDJSON), the body is
/// recorded, and then each operation replays that body through the client over a handler that returns it. The MB/s column is
/// the body size divided by the mean time.
/// <para>
/// Speech sockets (Deepgram live STT, AssemblyAI v3 streaming, ElevenLabs <c>stream-input</c>): their parse + map code is
/// internal, the benchmarks have no InternalsVisibleTo into those packages, and the socket is opened by the client itself (no
/// handler to swap), so no seam without a network exists. Each operation drives the real client through one whole session
/// against <see cref="SpeechSocketServer"/> on loopback, which sends a precomputed <see cref="SpeechSocketMessages"/> session; a
/// raw <see cref="ClientWebSocket"/> reading the same session from the same server is the socket's own cost, so client − raw
/// is the parse + map (plus the session's sends). MB/s is the session's server message bytes divided by the mean time.
/// </para>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class WireStreamBenchmarks
{
    private const int Words = 500;
    private static readonly Dictionary<string, int> Sizes = [];
    private static readonly int DeepgramSessionBytes = SpeechSocketMessages.SessionBytes(SpeechSocketMessages.Deepgram, SpeechSocketMessages.DeepgramClosing);
    private static readonly int AssemblyAISessionBytes = SpeechSocketMessages.SessionBytes(SpeechSocketMessages.AssemblyAI, SpeechSocketMessages.AssemblyAIClosing);
    private static readonly int ElevenLabsSessionBytes = SpeechSocketMessages.SessionBytes(SpeechSocketMessages.ElevenLabs, SpeechSocketMessages.ElevenLabsClosing);
    private static readonly string[] SpokenText = ["Hello there, ", "this is a ", "streamed answer ", "being spoken."];
    private readonly List<ChatMessage> _messages = [new(ChatRole.User, "hi")];
    private readonly Dictionary<string, IChatClient> _replay = [];
    private string _answer = string.Empty;
    private SpeechSocketServer? _sockets;
    private DeepgramSpeechToTextClient? _deepgram;
    private AssemblyAISpeechToTextClient? _assemblyAI;
    private ElevenLabsTextToSpeechClient? _elevenLabs;

    /// <summary>Gets the bytes one operation of <paramref name="methodName"/> parses (0 when unknown or before the setup ran).</summary>
    /// <param name="methodName">The benchmark method name.</param>
    /// <returns>The recorded body size, or the session's server message bytes for a speech socket.</returns>
    public static int BytesPerOperation(string methodName) => methodName switch
    {
        nameof(DeepgramLiveSocket) or nameof(DeepgramRawSocket) => DeepgramSessionBytes,
        nameof(AssemblyAILiveSocket) or nameof(AssemblyAIRawSocket) => AssemblyAISessionBytes,
        nameof(ElevenLabsStreamInputSocket) or nameof(ElevenLabsRawSocket) => ElevenLabsSessionBytes,
        _ => Sizes.GetValueOrDefault(methodName),
    };

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _answer = string.Join(' ', Enumerable.Range(0, Words).Select(i => "word" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { DefaultAnswer = _answer });
        await RecordAsync(nameof(OpenAI), h => new OpenAIChatClient(new OpenAIClientOptions { Endpoint = emulator.OpenAIEndpoint, ApiKey = "bench-key", DefaultModel = "gpt-4.1-mini" }, new HttpClient(h)));
        await RecordAsync(nameof(Anthropic), h => new AnthropicChatClient(new AnthropicClientOptions { Endpoint = emulator.AnthropicEndpoint, ApiKey = "bench-key", DefaultModel = "claude-sonnet-4-5" }, new HttpClient(h)));
        await RecordAsync(nameof(Gemini), h => new GeminiChatClient(new GeminiClientOptions { Endpoint = emulator.GeminiEndpoint, ApiKey = "bench-key", DefaultModel = "gemini-2.5-flash" }, new HttpClient(h)));
        await RecordAsync(nameof(Cohere), h => new CohereChatClient(new CohereClientOptions { Endpoint = emulator.CohereEndpoint, ApiKey = "bench-key", DefaultModel = "command-a-03-2025" }, new HttpClient(h)));
        await RecordAsync(nameof(Ollama), h => new OllamaChatClient(new OllamaClientOptions { Endpoint = emulator.OllamaEndpoint, DefaultModel = "llama3.2" }, new HttpClient(h)));

        _sockets = await SpeechSocketServer.StartAsync();
        _deepgram = new DeepgramSpeechToTextClient(new DeepgramClientOptions { ApiKey = "bench-key", Endpoint = _sockets.BaseAddress });
        _assemblyAI = new AssemblyAISpeechToTextClient(new AssemblyAIClientOptions { ApiKey = "bench-key", Endpoint = _sockets.BaseAddress, LiveStreaming = true });
        _elevenLabs = new ElevenLabsTextToSpeechClient(new ElevenLabsClientOptions { ApiKey = "bench-key", Endpoint = _sockets.BaseAddress });

        // Each operation checks what it read; run each once here so a broken session fails the setup, not the first iteration.
        await DeepgramLiveSocket();
        await DeepgramRawSocket();
        await AssemblyAILiveSocket();
        await AssemblyAIRawSocket();
        await ElevenLabsStreamInputSocket();
        await ElevenLabsRawSocket();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var client in _replay.Values)
        {
            client.Dispose();
        }

        _deepgram?.Dispose();
        _assemblyAI?.Dispose();
        _elevenLabs?.Dispose();
        if (_sockets is not null)
        {
            await _sockets.DisposeAsync();
        }
    }

    [Benchmark(Description = "OpenAI SSE, 500 words")]
    public Task<int> OpenAI() => CountAsync(nameof(OpenAI));

    [Benchmark(Description = "Anthropic SSE, 500 words")]
    public Task<int> Anthropic() => CountAsync(nameof(Anthropic));

    [Benchmark(Description = "Gemini SSE, 500 words")]
    public Task<int> Gemini() => CountAsync(nameof(Gemini));

    [Benchmark(Description = "Cohere SSE, 500 words")]
    public Task<int> Cohere() => CountAsync(nameof(Cohere));

    [Benchmark(Description = "Ollama NDJSON, 500 words")]
    public Task<int> Ollama() => CountAsync(nameof(Ollama));

    [Benchmark(Description = "Deepgram live STT socket, 561 msgs")]
    public async Task<int> DeepgramLiveSocket()
    {
        var final = 0;
        var interim = 0;
        var closed = false;
        using var audio = new GeneratedAudioStream(32_044, wavHeader: true);
        await foreach (var update in _deepgram!.GetStreamingTextAsync(audio))
        {
            if (update.Kind == SpeechToTextResponseUpdateKind.TextUpdated)
            {
                Expect(nameof(DeepgramLiveSocket), update.Text, SpeechSocketMessages.FinalTurns[final++]);
            }

            interim += update.Kind == SpeechToTextResponseUpdateKind.TextUpdating ? 1 : 0;
            closed |= update.Kind == SpeechToTextResponseUpdateKind.SessionClose;
        }

        return Check(nameof(DeepgramLiveSocket), final == SpeechSocketMessages.Turns && interim == SpeechSocketMessages.Turns * (SpeechSocketMessages.WordsPerTurn - 1) && closed, final + interim);
    }

    [Benchmark(Description = "Deepgram socket, raw ClientWebSocket")]
    public Task<int> DeepgramRawSocket() =>
        RawSocketAsync(new Uri(_sockets!.BaseAddress, "v1/listen"), "{\"type\":\"CloseStream\"}", SpeechSocketMessages.Deepgram.Count + 1, DeepgramSessionBytes);

    [Benchmark(Description = "AssemblyAI v3 streaming socket, 562 msgs")]
    public async Task<int> AssemblyAILiveSocket()
    {
        var final = 0;
        var interim = 0;
        var closed = false;
        using var audio = new GeneratedAudioStream(32_044, wavHeader: true);
        await foreach (var update in _assemblyAI!.GetStreamingTextAsync(audio))
        {
            final += update.Kind == SpeechToTextResponseUpdateKind.TextUpdated ? 1 : 0;
            interim += update.Kind == SpeechToTextResponseUpdateKind.TextUpdating ? 1 : 0;
            closed |= update.Kind == SpeechToTextResponseUpdateKind.SessionClose;
        }

        // With format_turns, the unformatted end of turn is an interim update too: words + 1 per turn.
        return Check(nameof(AssemblyAILiveSocket), final == SpeechSocketMessages.Turns && interim == SpeechSocketMessages.Turns * (SpeechSocketMessages.WordsPerTurn + 1) && closed, final + interim);
    }

    [Benchmark(Description = "AssemblyAI socket, raw ClientWebSocket")]
    public Task<int> AssemblyAIRawSocket() =>
        RawSocketAsync(new Uri(_sockets!.BaseAddress, "v3/ws"), "{\"type\":\"Terminate\"}", SpeechSocketMessages.AssemblyAI.Count + 1, AssemblyAISessionBytes);

    [Benchmark(Description = "ElevenLabs stream-input socket, 201 msgs")]
    public async Task<int> ElevenLabsStreamInputSocket()
    {
        long audio = 0;
        var aligned = 0;
        var closed = false;
        await foreach (var update in _elevenLabs!.GetStreamingAudioFromTextAsync(SpokenAsync()))
        {
            foreach (var content in update.Contents)
            {
                audio += content is DataContent data ? data.Data.Length : 0;
            }

            aligned += update.AdditionalProperties?.ContainsKey(ElevenLabsPropertyNames.Alignment) == true ? 1 : 0;
            closed |= update.Kind == TextToSpeechResponseUpdateKind.SessionClose;
        }

        return Check(nameof(ElevenLabsStreamInputSocket), audio == SpeechSocketMessages.AudioChunks * SpeechSocketMessages.AudioChunkBytes && aligned == SpeechSocketMessages.AudioChunks && closed, aligned);
    }

    [Benchmark(Description = "ElevenLabs socket, raw ClientWebSocket")]
    public Task<int> ElevenLabsRawSocket() =>
        RawSocketAsync(new Uri(_sockets!.BaseAddress, "v1/text-to-speech/bench-voice/stream-input"), "{\"text\":\"\"}", SpeechSocketMessages.ElevenLabs.Count + 1, ElevenLabsSessionBytes);

    private static async IAsyncEnumerable<string> SpokenAsync()
    {
        foreach (var piece in SpokenText)
        {
            await Task.Yield();
            yield return piece;
        }
    }

    /// <summary>The socket's own cost: connect, send the vendor's end message, read every message whole until the close.</summary>
    private static async Task<int> RawSocketAsync(Uri address, string endMessage, int expectedMessages, int expectedBytes)
    {
        using var socket = new ClientWebSocket();
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler());
        await socket.ConnectAsync(new UriBuilder(address) { Scheme = "ws" }.Uri, invoker, CancellationToken.None);
        await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(endMessage), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[64 * 1024];
        var messages = 0;
        var bytes = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            bytes += result.Count;
            messages += result.EndOfMessage ? 1 : 0;
        }

        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        return Check(address.AbsolutePath, messages == expectedMessages && bytes == expectedBytes, messages);
    }

    private static int Check(string what, bool ok, int value) =>
        ok ? value : throw new InvalidOperationException($"{what}: the session did not read back as sent ({value}).");

    private static void Expect(string what, string actual, string expected)
    {
        if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{what}: read '{actual}', expected '{expected}'.");
        }
    }

    private async Task RecordAsync(string wire, Func<HttpMessageHandler, IChatClient> create)
    {
        var recorder = new RecordingHandler();
        using (var live = create(recorder))
        {
            var text = string.Concat(await ReadAsync(live));
            if (!string.Equals(text.Trim(), _answer, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{wire}: the emulator's stream did not read back as the answer ({text.Length} characters).");
            }
        }

        Sizes[wire] = recorder.LastBody.Length;
        var replay = create(new StaticResponseHandler(recorder.LastBody, recorder.LastContentType));
        var replayed = string.Concat(await ReadAsync(replay));
        if (!string.Equals(replayed.Trim(), _answer, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{wire}: the replayed body did not read back as the answer.");
        }

        _replay[wire] = replay;
    }

    private async Task<List<string>> ReadAsync(IChatClient client)
    {
        var parts = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync(_messages))
        {
            parts.Add(update.Text);
        }

        return parts;
    }

    private async Task<int> CountAsync(string wire)
    {
        var total = 0;
        await foreach (var update in _replay[wire].GetStreamingResponseAsync(_messages))
        {
            total += update.Contents.Count;
        }

        return total;
    }
}
