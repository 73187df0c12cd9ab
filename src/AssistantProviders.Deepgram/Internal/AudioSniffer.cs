// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>Tells the container of the first bytes of an audio stream by its signature, as a media type.</summary>
internal static class AudioSniffer
{
    /// <summary>The media type of the container the bytes start with, or <see langword="null"/> when none is recognised.</summary>
    /// <param name="b">The first bytes (a few hundred suffice).</param>
    /// <returns>The media type, or <see langword="null"/>.</returns>
    public static string? MediaType(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4)
        {
            return null;
        }

        return
            (At(b, 0, "RIFF"u8) || At(b, 0, "RF64"u8)) && At(b, 8, "WAVE"u8) ? "audio/wav"
            : At(b, 0, "ID3"u8) ? "audio/mpeg"
            : At(b, 0, "fLaC"u8) ? "audio/flac"
            : At(b, 0, "OggS"u8) ? "audio/ogg"
            : At(b, 4, "ftyp"u8) ? "audio/mp4"
            : At(b, 0, [0x1A, 0x45, 0xDF, 0xA3]) ? "audio/webm"
            : At(b, 0, "#!AMR"u8) ? "audio/amr"
            : At(b, 0, "FORM"u8) && (At(b, 8, "AIFF"u8) || At(b, 8, "AIFC"u8)) ? "audio/aiff"
            : b[0] == 0xFF && (b[1] & 0xF6) == 0xF0 ? "audio/aac"
            : b[0] == 0xFF && (b[1] & 0xE0) == 0xE0 ? "audio/mpeg"
            : null;
    }

    private static bool At(ReadOnlySpan<byte> b, int offset, ReadOnlySpan<byte> signature) =>
        b.Length >= offset + signature.Length && b.Slice(offset, signature.Length).SequenceEqual(signature);
}
