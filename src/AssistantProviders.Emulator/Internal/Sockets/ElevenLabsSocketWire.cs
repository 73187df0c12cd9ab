// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssistantProviders.Emulator.Internal.Wire;

namespace AssistantProviders.Emulator.Internal.Sockets;

/// <summary>
/// ElevenLabs <c>stream-input</c> (<c>v1/text-to-speech/{voice_id}/stream-input</c>): the first message must be the single-space
/// <c>InitializeConnection</c>; text accumulates and is spoken (one base64 <c>audio</c> chunk with its <c>alignment</c>) on
/// <c>try_trigger_generation</c> or <c>flush</c>; <c>{"text":""}</c> speaks the rest, sends <c>{"isFinal":true}</c> and closes
/// normally. The audio of a chunk is the one the HTTP routes return for the same text. An unknown voice closes with 1008.
/// </summary>
internal sealed class ElevenLabsSocketWire : IEmulatorSocketWire
{
    private const string Prefix = "v1/text-to-speech/";
    private const string Suffix = "/stream-input";

    public string Vendor => "elevenlabs";

    public bool Handles(string route) => route.StartsWith(Prefix, StringComparison.Ordinal) && route.EndsWith(Suffix, StringComparison.Ordinal);

    public async Task RunAsync(EmulatorSocketSession session, CancellationToken stopping)
    {
        var voice = Uri.UnescapeDataString(session.Route[Prefix.Length..^Suffix.Length]);
        if (voice != ElevenLabsWire.PremadeVoiceId && !voice.StartsWith("voice_", StringComparison.Ordinal))
        {
            await session.CloseAsync(WebSocketCloseStatus.PolicyViolation, $"voice_not_found: A voice with the voice_id {voice} was not found.").ConfigureAwait(false);
            return;
        }

        var format = session.Query["output_format"].ToString() is { Length: > 0 } f ? f : null;
        var pending = string.Empty;
        var first = true;
        while (!stopping.IsCancellationRequested)
        {
            var message = await session.ReceiveAsync().ConfigureAwait(false);
            if (message is null)
            {
                return;
            }

            JsonNode? json;
            try
            {
                json = JsonNode.Parse(message.Value.Data);
            }
            catch (JsonException)
            {
                await session.CloseAsync(WebSocketCloseStatus.InvalidPayloadData, "invalid_message: the message is not JSON.").ConfigureAwait(false);
                return;
            }

            var text = JsonText.Str(json, "text");
            if (first)
            {
                first = false;
                if (text != " ")
                {
                    await session.CloseAsync(WebSocketCloseStatus.PolicyViolation, "invalid_message: the first message must have text \" \".").ConfigureAwait(false);
                    return;
                }

                continue;
            }

            if (text is null)
            {
                continue;
            }

            if (text.Length == 0)
            {
                await SpeakAsync(session, pending, format).ConfigureAwait(false);
                await session.SendJsonAsync(new JsonObject { ["isFinal"] = true }).ConfigureAwait(false);
                return;
            }

            pending += text;
            if (JsonText.Bool(json, "try_trigger_generation") == true || JsonText.Bool(json, "flush") == true)
            {
                await SpeakAsync(session, pending, format).ConfigureAwait(false);
                pending = string.Empty;
            }
        }
    }

    private static async Task SpeakAsync(EmulatorSocketSession session, string text, string? format)
    {
        var spoken = text.Trim();
        if (spoken.Length == 0)
        {
            return;
        }

        var (audio, _) = ElevenLabsWire.Audio(spoken, format);
        var chars = new JsonArray([.. spoken.Select(c => (JsonNode)c.ToString())]);
        var starts = new JsonArray([.. spoken.Select((_, i) => (JsonNode)(i * 50))]);
        var durations = new JsonArray([.. spoken.Select(_ => (JsonNode)50)]);
        await session.SendJsonAsync(new JsonObject
        {
            ["audio"] = Convert.ToBase64String(audio),
            ["isFinal"] = null,
            ["alignment"] = new JsonObject { ["charStartTimesMs"] = starts, ["charsDurationsMs"] = durations, ["chars"] = chars },
            ["normalizedAlignment"] = new JsonObject
            {
                ["charStartTimesMs"] = starts.DeepClone(),
                ["charsDurationsMs"] = durations.DeepClone(),
                ["chars"] = chars.DeepClone(),
            },
        }).ConfigureAwait(false);
    }
}
