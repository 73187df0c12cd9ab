// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssistantProviders.Emulator.Internal.Wire;

namespace AssistantProviders.Emulator.Internal.Sockets;

/// <summary>
/// Deepgram's live <c>v1/listen</c> socket. Binary frames are audio (counted); <c>KeepAlive</c> is accepted silently,
/// <c>Finalize</c> marks the next finals <c>from_finalize</c>, <c>CloseStream</c> ends the input. Then the transcript is answered in
/// two halves, each an interim <c>Results</c> (with <c>interim_results=true</c>) and a final one, followed by an empty final
/// (as the real service sends), <c>UtteranceEnd</c> (with <c>utterance_end_ms</c>) and the closing <c>Metadata</c>; the socket
/// then closes normally. With <c>interim_results=true</c>, an interim <c>Results</c> also follows each further second of audio
/// received (one more word of the first half each time). <c>SpeechStarted</c> follows the first audio frame with <c>vad_events=true</c>. A control message of an
/// unknown type closes with 1008, as Deepgram does.
/// </summary>
internal sealed class DeepgramSocketWire : IEmulatorSocketWire
{
    public string Vendor => "deepgram";

    public bool Handles(string route) => route == "v1/listen";

    public async Task RunAsync(EmulatorSocketSession session, CancellationToken stopping)
    {
        var model = session.Query["model"].ToString() is { Length: > 0 } m ? m : "nova-3";
        var interim = string.Equals(session.Query["interim_results"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var vad = string.Equals(session.Query["vad_events"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var utteranceEnd = session.Query["utterance_end_ms"].ToString().Length > 0;
        var diarize = string.Equals(session.Query["diarize"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var requestId = Deterministic.Uuid(Deterministic.Hash(session.Route + model));
        byte[]? head = null;
        long bytes = 0;
        var finalize = false;
        var words = EmulatorDefaults.TranscriptText.Split(' ');
        var interimsSent = 0;
        while (!stopping.IsCancellationRequested)
        {
            var message = await session.ReceiveAsync().ConfigureAwait(false);
            if (message is not { } received)
            {
                return;
            }

            if (received.Type == WebSocketMessageType.Binary)
            {
                if (head is null && received.Data.Length > 0)
                {
                    head = received.Data;
                    if (vad)
                    {
                        await session.SendJsonAsync(new JsonObject { ["type"] = "SpeechStarted", ["channel"] = new JsonArray(0, 1), ["timestamp"] = 0.0 }).ConfigureAwait(false);
                    }
                }

                bytes += received.Data.Length;

                // While the audio arrives, one more word of the first half per second heard, as an interim result: a caller
                // feeding audio at real-time pace sees partials as it speaks, not only after CloseStream.
                var heard = DeepgramWire.Seconds(head ?? [], bytes);
                if (interim && (int)heard > interimsSent && interimsSent < words.Length / 2)
                {
                    interimsSent++;
                    var partial = string.Join(' ', words[..interimsSent]);
                    await session.SendJsonAsync(Results(partial, 0, heard, isFinal: false, speechFinal: false, fromFinalize: false, requestId, model, diarize)).ConfigureAwait(false);
                }

                continue;
            }

            var type = TypeOf(received.Data);
            switch (type)
            {
                case "KeepAlive":
                    continue;
                case "Finalize":
                    finalize = true;
                    continue;
                case "CloseStream":
                    await AnswerAsync(session, model, requestId, DeepgramWire.Seconds(head ?? [], bytes), interim, utteranceEnd, diarize, finalize).ConfigureAwait(false);
                    return;
                default:
                    await session.CloseAsync(WebSocketCloseStatus.PolicyViolation, "DATA-0000: unknown control message").ConfigureAwait(false);
                    return;
            }
        }
    }

    private static string? TypeOf(byte[] data)
    {
        try
        {
            return JsonNode.Parse(data) is JsonObject json ? JsonText.Str(json, "type") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task AnswerAsync(EmulatorSocketSession session, string model, string requestId, double seconds, bool interim, bool utteranceEnd, bool diarize, bool finalize)
    {
        var words = EmulatorDefaults.TranscriptText.Split(' ');
        var half = seconds / 2;
        if (seconds > 0)
        {
            var parts = new[] { string.Join(' ', words[..(words.Length / 2)]), string.Join(' ', words[(words.Length / 2)..]) };
            for (var i = 0; i < parts.Length; i++)
            {
                var start = i * half;
                if (interim)
                {
                    var partial = string.Join(' ', parts[i].Split(' ')[..Math.Max(1, parts[i].Split(' ').Length / 2)]);
                    await session.SendJsonAsync(Results(partial, start, half, isFinal: false, speechFinal: false, fromFinalize: false, requestId, model, diarize)).ConfigureAwait(false);
                }

                await session.SendJsonAsync(Results(parts[i], start, half, isFinal: true, speechFinal: i == parts.Length - 1, fromFinalize: finalize && i == parts.Length - 1, requestId, model, diarize)).ConfigureAwait(false);
            }

            await session.SendJsonAsync(Results(string.Empty, seconds, 0, isFinal: true, speechFinal: true, fromFinalize: false, requestId, model, diarize)).ConfigureAwait(false);
            if (utteranceEnd)
            {
                await session.SendJsonAsync(new JsonObject { ["type"] = "UtteranceEnd", ["channel"] = new JsonArray(0, 1), ["last_word_end"] = seconds }).ConfigureAwait(false);
            }
        }

        await session.SendJsonAsync(new JsonObject
        {
            ["type"] = "Metadata",
            ["transaction_key"] = "deprecated",
            ["request_id"] = requestId,
            ["sha256"] = "incomplete",
            ["created"] = "2026-01-01T00:00:00.000Z",
            ["duration"] = seconds,
            ["channels"] = 1,
        }).ConfigureAwait(false);
    }

    private static JsonObject Results(string transcript, double start, double duration, bool isFinal, bool speechFinal, bool fromFinalize, string requestId, string model, bool diarize) => new()
    {
        ["type"] = "Results",
        ["channel_index"] = new JsonArray(0, 1),
        ["duration"] = Math.Round(duration, 3),
        ["start"] = Math.Round(start, 3),
        ["is_final"] = isFinal,
        ["speech_final"] = speechFinal,
        ["from_finalize"] = fromFinalize,
        ["channel"] = new JsonObject
        {
            ["alternatives"] = new JsonArray(new JsonObject
            {
                ["transcript"] = transcript,
                ["confidence"] = transcript.Length == 0 ? 0.0 : 0.99,
                ["words"] = DeepgramWire.Words(transcript, start, duration, diarize),
            }),
        },
        ["metadata"] = new JsonObject
        {
            ["request_id"] = requestId,
            ["model_info"] = new JsonObject { ["name"] = "general-" + model, ["version"] = "2026-01-01.0", ["arch"] = model },
            ["model_uuid"] = DeepgramWire.ModelUuid,
        },
    };
}
