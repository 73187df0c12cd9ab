// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Sockets;

/// <summary>
/// AssemblyAI's Universal-Streaming v3 socket (<c>assemblyai/v3/ws?sample_rate=&amp;encoding=&amp;format_turns=</c>): <c>Begin</c>,
/// then one partial <c>Turn</c> (one more word of <see cref="EmulatorDefaults.TranscriptText"/>) per audio frame received, and on
/// <c>{"type":"Terminate"}</c> the end of the turn (unformatted, then formatted when <c>format_turns</c> is true) and
/// <c>Termination</c> with the audio duration. <c>ForceEndpoint</c> ends the turn early. Bad parameters close with 1008 (policy
/// violation), as does a text message that is not a known control message.
/// </summary>
internal sealed class AssemblyAISocketWire : IEmulatorSocketWire
{
    public string Vendor => "assemblyai";

    public bool Handles(string route) => route == "v3/ws";

    public async Task RunAsync(EmulatorSocketSession session, CancellationToken stopping)
    {
        var query = session.Query;
        var sampleRate = int.TryParse(query["sample_rate"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var rate) ? rate : 16000;
        var encoding = query["encoding"].ToString() is { Length: > 0 } e ? e : "pcm_s16le";
        if (sampleRate is < 8000 or > 48000 || encoding is not ("pcm_s16le" or "pcm_mulaw"))
        {
            await session.CloseAsync(WebSocketCloseStatus.PolicyViolation, "Invalid sample_rate or encoding").ConfigureAwait(false);
            return;
        }

        var formatTurns = string.Equals(query["format_turns"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var bytesPerSecond = encoding == "pcm_mulaw" ? sampleRate : sampleRate * 2;
        var sessionId = Deterministic.Uuid(Deterministic.Hash(session.Route + session.Query.ToString()));
        await session.SendJsonAsync(new JsonObject { ["type"] = "Begin", ["id"] = sessionId, ["expires_at"] = 1_900_000_000 }).ConfigureAwait(false);

        var words = EmulatorDefaults.TranscriptText.Split(' ');
        var heard = 0;
        var turn = 0;
        long audioBytes = 0;
        while (await session.ReceiveAsync().ConfigureAwait(false) is { } message)
        {
            if (message.Type == WebSocketMessageType.Binary)
            {
                audioBytes += message.Data.Length;
                if (heard < words.Length)
                {
                    heard++;
                    await session.SendJsonAsync(Turn(turn, words, heard, endOfTurn: false, formatted: false)).ConfigureAwait(false);
                }

                continue;
            }

            var type = TypeOf(message.Data);
            if (type == "Terminate")
            {
                await EndTurnAsync(words.Length).ConfigureAwait(false);
                var seconds = (int)Math.Ceiling(audioBytes / (double)bytesPerSecond);
                await session.SendJsonAsync(new JsonObject { ["type"] = "Termination", ["audio_duration_seconds"] = seconds, ["session_duration_seconds"] = seconds }).ConfigureAwait(false);
                return;
            }

            if (type == "ForceEndpoint")
            {
                if (heard > 0)
                {
                    await EndTurnAsync(heard).ConfigureAwait(false);
                    words = words[heard..];
                    heard = 0;
                    turn++;
                }

                continue;
            }

            if (type != "UpdateConfiguration")
            {
                await session.CloseAsync(WebSocketCloseStatus.PolicyViolation, "Invalid message type").ConfigureAwait(false);
                return;
            }
        }

        async Task EndTurnAsync(int count)
        {
            await session.SendJsonAsync(Turn(turn, words, count, endOfTurn: true, formatted: false)).ConfigureAwait(false);
            if (formatTurns)
            {
                await session.SendJsonAsync(Turn(turn, words, count, endOfTurn: true, formatted: true)).ConfigureAwait(false);
            }
        }
    }

    private static string? TypeOf(byte[] data)
    {
        try
        {
            return JsonNode.Parse(data) is JsonObject o ? JsonText.Str(o, "type") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A <c>Turn</c> over the first <paramref name="count"/> words; the last word is not final until the turn ends.</summary>
    private static JsonObject Turn(int order, string[] words, int count, bool endOfTurn, bool formatted)
    {
        const int WordMs = 400;
        var shown = words[..Math.Min(count, words.Length)];
        var finalWords = endOfTurn ? shown.Length : Math.Max(0, shown.Length - 1);
        var text = string.Join(' ', shown[..finalWords]);
        return new JsonObject
        {
            ["type"] = "Turn",
            ["turn_order"] = order,
            ["turn_is_formatted"] = formatted,
            ["end_of_turn"] = endOfTurn,
            ["transcript"] = endOfTurn && !formatted ? text.ToLowerInvariant().Replace(",", string.Empty, StringComparison.Ordinal).TrimEnd('.') : text,
            ["end_of_turn_confidence"] = endOfTurn ? 0.9 : 0.1,
            ["utterance"] = endOfTurn ? text : string.Empty,
            ["words"] = new JsonArray([.. shown.Select((w, i) => (JsonNode)new JsonObject
            {
                ["start"] = i * WordMs,
                ["end"] = (i + 1) * WordMs,
                ["text"] = w,
                ["confidence"] = 0.95,
                ["word_is_final"] = endOfTurn || i < shown.Length - 1,
            })]),
        };
    }
}
