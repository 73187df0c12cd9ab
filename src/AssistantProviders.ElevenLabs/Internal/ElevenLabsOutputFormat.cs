// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;

namespace AssistantProviders.ElevenLabs.Internal;

/// <summary>ElevenLabs' output formats (<c>codec_samplerate[_bitrate]</c>, the spec's <c>output_format</c> enum) and their media types.</summary>
internal static class ElevenLabsOutputFormat
{
    /// <summary>The formats of the spec's <c>output_format</c> enum.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "mp3_22050_32", "mp3_24000_48", "mp3_44100_32", "mp3_44100_64", "mp3_44100_96", "mp3_44100_128", "mp3_44100_192",
        "pcm_8000", "pcm_16000", "pcm_22050", "pcm_24000", "pcm_32000", "pcm_44100", "pcm_48000",
        "ulaw_8000", "alaw_8000",
        "opus_48000_32", "opus_48000_64", "opus_48000_96", "opus_48000_128", "opus_48000_192",
    };

    /// <summary>Resolves the requested format (a native name or a media type / short name); <see langword="null"/> when unsupported.</summary>
    public static string? Resolve(string? requested, string fallback)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return fallback;
        }

        var value = requested.Trim();
        if (Known.Contains(value.ToLowerInvariant()))
        {
            return value.ToLowerInvariant();
        }

        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        var type = (semicolon < 0 ? value : value[..semicolon]).Trim().ToUpperInvariant();
        var rate = Rate(value);
        return type switch
        {
            "AUDIO/MPEG" or "AUDIO/MP3" or "MP3" => "mp3_44100_128",
            "AUDIO/PCM" or "AUDIO/L16" or "PCM" => rate is { } r && Known.Contains("pcm_" + r) ? "pcm_" + r : rate is null ? "pcm_16000" : null,
            "AUDIO/BASIC" or "AUDIO/ULAW" or "AUDIO/X-MULAW" or "AUDIO/MULAW" or "ULAW" or "MULAW" => "ulaw_8000",
            "AUDIO/ALAW" or "AUDIO/X-ALAW-BASIC" or "ALAW" => "alaw_8000",
            "AUDIO/OPUS" or "AUDIO/OGG" or "OPUS" => "opus_48000_128",
            _ => null,
        };
    }

    /// <summary>The media type of audio in <paramref name="format"/>.</summary>
    public static string MediaType(string format) => format.Split('_')[0] switch
    {
        "pcm" => "audio/pcm",
        "ulaw" => "audio/basic",
        "alaw" => "audio/x-alaw-basic",
        "opus" => "audio/opus",
        _ => "audio/mpeg",
    };

    private static string? Rate(string value)
    {
        var at = value.IndexOf("rate=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var digits = new string([.. value[(at + 5)..].TakeWhile(char.IsAsciiDigit)]);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r.ToString(CultureInfo.InvariantCulture) : null;
    }
}
