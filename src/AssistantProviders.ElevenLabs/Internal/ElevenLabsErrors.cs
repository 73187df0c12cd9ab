// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;

namespace AssistantProviders.ElevenLabs.Internal;

/// <summary>The typed errors the client raises itself, for bad input found before any request.</summary>
internal static class ElevenLabsErrors
{
    public static AssistantProviderException BadInput(string code, string message, string? modelId) =>
        new($"ElevenLabs: {message}")
        {
            Kind = ProviderErrorKind.BadRequest,
            ErrorCode = code,
            ProviderId = ElevenLabsProvider.Id,
            ModelId = modelId,
        };

    public static AssistantProviderException EmptyText(string? modelId) =>
        BadInput("empty_text", "the text is empty; there is nothing to synthesize and nothing was sent.", modelId);

    public static AssistantProviderException EmptyAudio(string? modelId) =>
        BadInput("empty_audio", "the audio stream is empty; nothing was uploaded.", modelId);

    public static AssistantProviderException TooLarge(long limit, string? modelId) =>
        BadInput(
            "audio_too_large",
            $"the audio is larger than the {Describe(limit)} upload limit (MaxUploadBytes; ElevenLabs accepts files under 5 GB on /v1/speech-to-text).",
            modelId);

    public static AssistantProviderException UnsupportedFormat(string format, string? modelId) =>
        BadInput(
            "unsupported_output_format",
            $"the output format '{format}' is not one ElevenLabs produces. Use a native name (mp3_44100_128, mp3_22050_32, pcm_16000, pcm_22050, " +
            "pcm_24000, pcm_44100, ulaw_8000, alaw_8000, opus_48000_64...) or a media type it maps to (audio/mpeg, audio/pcm, audio/basic, audio/opus); " +
            "WAV, FLAC and AAC are not offered.",
            modelId);

    public static AssistantProviderException NoVoice(string? modelId) =>
        BadInput("missing_voice", "no voice id was given (TextToSpeechOptions.VoiceId) and DefaultVoiceId is empty.", modelId);

    public static AssistantProviderException NoSamples() =>
        BadInput("missing_samples", "instant voice cloning needs at least one audio sample; nothing was sent.", null);

    private static string Describe(long bytes) =>
        bytes % 1_000_000 == 0 && bytes >= 1_000_000_000 ? (bytes / 1e9).ToString("0.###", CultureInfo.InvariantCulture) + " GB"
        : bytes.ToString("N0", CultureInfo.InvariantCulture) + "-byte";
}
