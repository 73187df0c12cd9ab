// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;

namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>The typed errors the client raises itself (bad input found before a request, a failed transcript).</summary>
internal static class AssemblyAIErrors
{
    public static AssistantProviderException BadInput(string code, string message, string? modelId) =>
        new($"AssemblyAI: {message}")
        {
            Kind = ProviderErrorKind.BadRequest,
            ErrorCode = code,
            ProviderId = AssemblyAIProvider.Id,
            ModelId = modelId,
        };

    public static AssistantProviderException EmptyAudio(string? modelId) =>
        BadInput("empty_audio", "the audio stream is empty; nothing was uploaded.", modelId);

    public static AssistantProviderException TooLarge(long limit, string? modelId) =>
        BadInput(
            "audio_too_large",
            $"the audio is larger than the {Describe(limit)} upload limit (MaxUploadBytes; AssemblyAI accepts at most 2.2 GB through /v2/upload). " +
            "Host the file and pass its URL under AssemblyAIPropertyNames.AudioUrl instead.",
            modelId);

    public static AssistantProviderException UnsupportedFormat(string? modelId) =>
        BadInput(
            "unsupported_audio_format",
            "the audio is not in a recognised container (WAV, MP3, FLAC, OGG/Opus, MP4/M4A/MOV, WebM/MKV, AAC, AMR, AIFF, WMA); nothing was uploaded. " +
            "Raw PCM is accepted only by the live socket (AssemblyAIPropertyNames.Live). Set AssemblyAIPropertyNames.SkipFormatCheck to send it anyway.",
            modelId);

    public static AssistantProviderException TranscriptFailed(string id, string? vendorText, string? modelId, ApiKey? key) =>
        new($"AssemblyAI transcript {id} failed: {SecretRedactor.Redact(string.IsNullOrWhiteSpace(vendorText) ? "no reason given" : vendorText, key)}")
        {
            Kind = ProviderErrorKind.BadRequest,
            ErrorCode = "transcript_error",
            RequestId = id,
            ProviderId = AssemblyAIProvider.Id,
            ModelId = modelId,
        };

    private static string Describe(long bytes) =>
        bytes % 1_000_000 == 0 && bytes >= 1_000_000_000 ? (bytes / 1e9).ToString("0.###", CultureInfo.InvariantCulture) + " GB"
        : bytes.ToString("N0", CultureInfo.InvariantCulture) + "-byte";
}
