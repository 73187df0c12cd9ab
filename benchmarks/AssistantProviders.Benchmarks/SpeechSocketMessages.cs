// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// The server side of one live speech session per vendor, built here in the shapes the vendors send (learned from their
/// recorded messages and docs; nothing is copied from a recording): a transcript of <see cref="Turns"/> turns of
/// <see cref="WordsPerTurn"/> words, each turn sent as interim messages growing one word at a time and then final.
/// <list type="bullet">
/// <item>Deepgram <c>/v1/listen</c>: per turn <c>SpeechStarted</c>, interim <c>Results</c> (<c>is_final</c> false), the final
/// <c>Results</c> (<c>is_final</c>, <c>speech_final</c>) and <c>UtteranceEnd</c>; the closing <c>Metadata</c> after <c>CloseStream</c>.</item>
/// <item>AssemblyAI v3 <c>/v3/ws</c>: <c>Begin</c>, per turn interim <c>Turn</c>s, the unformatted end of turn and the formatted
/// one; <c>Termination</c> after <c>Terminate</c>.</item>
/// <item>ElevenLabs <c>stream-input</c>: <see cref="AudioChunks"/> messages of 4 KiB base64 audio with the character alignment
/// and the normalized alignment of 16 characters each; <c>{"isFinal":true}</c> after the empty-text close message.</item>
/// </list>
/// </summary>
internal static class SpeechSocketMessages
{
    public const int Turns = 40;
    public const int WordsPerTurn = 12;
    public const int AudioChunks = 200;
    public const int AudioChunkBytes = 4096;
    private const string RequestId = "550e8400-e29b-41d4-a716-446655440000";
    private const string SessionId = "de5d9927-73a6-4be8-b52d-b4c07be37e6b";

    private static readonly string[] Vocabulary =
    [
        "and", "so", "my", "fellow", "americans", "ask", "not", "what", "your", "country", "can", "do", "for", "you",
        "the", "weather", "today", "looks", "clear", "with", "light", "winds", "from", "west", "later", "this", "evening",
    ];

    /// <summary>Gets the words of turn <paramref name="turn"/>.</summary>
    /// <param name="turn">The turn index.</param>
    /// <returns>Its words.</returns>
    public static string[] Words(int turn) => [.. Enumerable.Range(0, WordsPerTurn).Select(i => Vocabulary[((turn * 7) + i) % Vocabulary.Length])];

    /// <summary>Gets the final transcript of every turn, in order.</summary>
    public static IReadOnlyList<string> FinalTurns { get; } = [.. Enumerable.Range(0, Turns).Select(t => string.Join(' ', Words(t)))];

    /// <summary>Gets Deepgram's messages sent as soon as the socket opens.</summary>
    public static IReadOnlyList<byte[]> Deepgram { get; } = BuildDeepgram();

    /// <summary>Gets Deepgram's closing <c>Metadata</c>, sent after <c>CloseStream</c>.</summary>
    public static byte[] DeepgramClosing { get; } = Encoding.UTF8.GetBytes(
        "{\"type\":\"Metadata\",\"transaction_key\":\"deprecated\",\"request_id\":\"" + RequestId + "\",\"sha256\":\"5324da68ede209a16ac69a38e8cd29cee4d754434a041166cda3a1f5e0b24566\",\"created\":\"2026-12-04T00:00:00.000Z\",\"duration\":192.0,\"channels\":1}");

    /// <summary>Gets AssemblyAI's messages sent as soon as the socket opens.</summary>
    public static IReadOnlyList<byte[]> AssemblyAI { get; } = BuildAssemblyAI();

    /// <summary>Gets AssemblyAI's <c>Termination</c>, sent after <c>Terminate</c>.</summary>
    public static byte[] AssemblyAIClosing { get; } = Encoding.UTF8.GetBytes("{\"type\":\"Termination\",\"audio_duration_seconds\":192,\"session_duration_seconds\":193}");

    /// <summary>Gets ElevenLabs' audio messages sent as soon as the socket opens.</summary>
    public static IReadOnlyList<byte[]> ElevenLabs { get; } = BuildElevenLabs();

    /// <summary>Gets ElevenLabs' last message, sent after the empty-text close message.</summary>
    public static byte[] ElevenLabsClosing { get; } = Encoding.UTF8.GetBytes("{\"isFinal\":true}");

    /// <summary>Gets the bytes of one whole session of <paramref name="messages"/> plus <paramref name="closing"/>.</summary>
    /// <param name="messages">The streamed messages.</param>
    /// <param name="closing">The closing message.</param>
    /// <returns>The byte count.</returns>
    public static int SessionBytes(IReadOnlyList<byte[]> messages, byte[] closing) => messages.Sum(m => m.Length) + closing.Length;

    private static List<byte[]> BuildDeepgram()
    {
        var messages = new List<byte[]>();
        var clock = 0.0;
        for (var turn = 0; turn < Turns; turn++)
        {
            var words = Words(turn);
            var start = clock;
            messages.Add(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"SpeechStarted\",\"channel\":[0],\"timestamp\":{start:F2}}}")));
            for (var heard = 1; heard <= words.Length; heard++)
            {
                messages.Add(DeepgramResults(words, heard, start, final: heard == words.Length));
            }

            clock = start + (words.Length * 0.4);
            messages.Add(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"UtteranceEnd\",\"channel\":[0,1],\"last_word_end\":{clock:F2}}}")));
        }

        return messages;
    }

    private static byte[] DeepgramResults(string[] words, int heard, double start, bool final)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"{{\"type\":\"Results\",\"channel_index\":[0,1],\"duration\":{heard * 0.4:F2},\"start\":{start:F2},\"is_final\":{(final ? "true" : "false")},\"speech_final\":{(final ? "true" : "false")},\"channel\":{{\"alternatives\":[{{\"transcript\":\"");
        sb.AppendJoin(' ', words.Take(heard));
        sb.Append(inv, $"\",\"confidence\":0.98,\"words\":[");
        for (var i = 0; i < heard; i++)
        {
            var at = start + (i * 0.4);
            sb.Append(i == 0 ? string.Empty : ",")
              .Append(inv, $"{{\"word\":\"{words[i]}\",\"start\":{at:F2},\"end\":{at + 0.36:F2},\"confidence\":0.9{i % 10},\"punctuated_word\":\"{words[i]}\"}}");
        }

        sb.Append("]}]},\"metadata\":{\"request_id\":\"").Append(RequestId)
          .Append("\",\"model_info\":{\"name\":\"general-nova-3\",\"version\":\"2025-04-17.21547\",\"arch\":\"nova-3\"},\"model_uuid\":\"2187e11a-3532-4498-b076-81fa530bdd49\"},\"from_finalize\":false}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static List<byte[]> BuildAssemblyAI()
    {
        var messages = new List<byte[]> { Encoding.UTF8.GetBytes("{\"type\":\"Begin\",\"id\":\"" + SessionId + "\",\"expires_at\":1764810000}") };
        var clock = 0;
        for (var turn = 0; turn < Turns; turn++)
        {
            var words = Words(turn);
            for (var heard = 1; heard <= words.Length; heard++)
            {
                messages.Add(AssemblyAITurn(turn, words, heard, clock, endOfTurn: false, formatted: false));
            }

            messages.Add(AssemblyAITurn(turn, words, words.Length, clock, endOfTurn: true, formatted: false));
            messages.Add(AssemblyAITurn(turn, words, words.Length, clock, endOfTurn: true, formatted: true));
            clock += words.Length * 400;
        }

        return messages;
    }

    private static byte[] AssemblyAITurn(int turn, string[] words, int heard, int clock, bool endOfTurn, bool formatted)
    {
        var inv = CultureInfo.InvariantCulture;
        string Shown(int i) => formatted && i == 0 ? char.ToUpperInvariant(words[i][0]) + words[i][1..] : formatted && i == words.Length - 1 ? words[i] + "." : words[i];
        var sb = new StringBuilder();
        sb.Append(inv, $"{{\"turn_order\":{turn},\"turn_is_formatted\":{(formatted ? "true" : "false")},\"end_of_turn\":{(endOfTurn ? "true" : "false")},\"transcript\":\"");
        // Before the end of turn, the transcript holds the finalized words only (all but the last one heard).
        var final = endOfTurn ? heard : heard - 1;
        sb.AppendJoin(' ', Enumerable.Range(0, final).Select(Shown));
        sb.Append(inv, $"\",\"end_of_turn_confidence\":{(endOfTurn ? 0.91 : 0.01 * heard):F6},\"words\":[");
        for (var i = 0; i < heard; i++)
        {
            var at = clock + (i * 400);
            sb.Append(i == 0 ? string.Empty : ",")
              .Append(inv, $"{{\"start\":{at},\"end\":{at + 360},\"text\":\"{Shown(i)}\",\"confidence\":0.9{i % 10}{turn % 10},\"word_is_final\":{(i < final ? "true" : "false")}}}");
        }

        sb.Append("],\"utterance\":\"");
        if (endOfTurn)
        {
            sb.AppendJoin(' ', Enumerable.Range(0, heard).Select(Shown));
        }

        sb.Append("\",\"type\":\"Turn\"}");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static List<byte[]> BuildElevenLabs()
    {
        var random = new Random(19);
        var audio = new byte[AudioChunkBytes];
        var text = string.Join(' ', FinalTurns);
        var messages = new List<byte[]>();
        for (var chunk = 0; chunk < AudioChunks; chunk++)
        {
            random.NextBytes(audio);
            var chars = Enumerable.Range(chunk * 16, 16).Select(i => text[i % text.Length]).ToArray();
            string Alignment() =>
                "{\"charStartTimesMs\":[" + string.Join(',', Enumerable.Range(0, 16).Select(i => ((chunk * 16) + i) * 58)) +
                "],\"charsDurationsMs\":[" + string.Join(',', Enumerable.Range(0, 16).Select(i => 46 + (i % 3 * 6))) +
                "],\"chars\":[" + string.Join(',', chars.Select(c => "\"" + c + "\"")) + "]}";
            messages.Add(Encoding.UTF8.GetBytes(
                "{\"audio\":\"" + Convert.ToBase64String(audio) + "\",\"isFinal\":null,\"normalizedAlignment\":" + Alignment() + ",\"alignment\":" + Alignment() + "}"));
        }

        return messages;
    }
}
