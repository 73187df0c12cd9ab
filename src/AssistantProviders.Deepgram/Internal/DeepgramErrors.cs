// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;

namespace AssistantProviders.Deepgram.Internal;

/// <summary>The typed errors the client raises itself, for bad input found before any request.</summary>
internal static class DeepgramErrors
{
    public static AssistantProviderException BadInput(string code, string message, string? modelId) =>
        new($"Deepgram: {message}")
        {
            Kind = ProviderErrorKind.BadRequest,
            ErrorCode = code,
            ProviderId = DeepgramProvider.Id,
            ModelId = modelId,
        };

    public static AssistantProviderException EmptyAudio(string? modelId) =>
        BadInput("empty_audio", "the audio stream is empty; nothing was sent.", modelId);

    public static AssistantProviderException TooLarge(long limit, string? modelId) =>
        BadInput(
            "audio_too_large",
            $"the audio is larger than the {limit.ToString("N0", CultureInfo.InvariantCulture)}-byte upload limit (MaxUploadBytes; Deepgram accepts files up to 2 GB). " +
            "Host the file and pass its URL under DeepgramPropertyNames.AudioUrl, or stream it live.",
            modelId);

    public static AssistantProviderException UnsupportedFormat(string? modelId) =>
        BadInput(
            "unsupported_audio_format",
            "the audio is not in a recognised container (WAV, MP3, FLAC, OGG/Opus, MP4/M4A, WebM, AAC, AMR, AIFF); nothing was sent. " +
            "For raw (headerless) audio set DeepgramPropertyNames.Encoding and DeepgramPropertyNames.SampleRate, or name the media type under DeepgramPropertyNames.ContentType.",
            modelId);

    public static AssistantProviderException UnsupportedSampleRate(string value, string? modelId) =>
        BadInput("unsupported_sample_rate", $"the sample rate '{value}' is not supported (raw audio needs a sample rate between 8000 and 192000 Hz).", modelId);

    public static AssistantProviderException MissingSampleRate(string? modelId) =>
        BadInput("missing_sample_rate", "raw audio (DeepgramPropertyNames.Encoding) needs DeepgramPropertyNames.SampleRate.", modelId);

    public static AssistantProviderException UnsupportedEncoding(string value, string? modelId) =>
        BadInput("unsupported_encoding", $"the encoding '{value}' is not one Deepgram accepts (linear16, linear32, flac, alaw, mulaw, amr-nb, amr-wb, opus, ogg-opus, speex, g729).", modelId);

    public static AssistantProviderException EmptyText(string? modelId) =>
        BadInput("empty_text", "the text to speak is empty.", modelId);
}
