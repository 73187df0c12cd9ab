// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers.Binary;

namespace AssistantProviders.Shared;

/// <summary>
/// The first bytes of the caller's audio, read once before any request: they tell an empty stream, the container (by its
/// signature) and, for a WAV file, its PCM format and where the samples start. The bytes are sent as they are, ahead of the rest
/// of the stream, so nothing is read twice or buffered whole. Shared by the speech vendors (opt in with <c>UseSharedAudio</c>).
/// </summary>
internal sealed class AudioHead
{
    public const int Size = 4096;

    private AudioHead(byte[] buffer, int length)
    {
        Buffer = buffer;
        Length = length;
        Container = ContainerOf(buffer.AsSpan(0, length));
    }

    /// <summary>Gets the buffer holding the first bytes.</summary>
    public byte[] Buffer { get; }

    /// <summary>Gets the number of bytes read (0 for an empty stream).</summary>
    public int Length { get; }

    /// <summary>Gets the recognised container (<c>wav</c>, <c>mp3</c>...), or <see langword="null"/> when unknown.</summary>
    public string? Container { get; }

    /// <summary>Gets the WAV format tag (1 = PCM, 7 = mu-law), when the head is a WAV file with a <c>fmt </c> chunk.</summary>
    public int? WavFormat { get; private set; }

    /// <summary>Gets the WAV channel count.</summary>
    public int? WavChannels { get; private set; }

    /// <summary>Gets the WAV sample rate.</summary>
    public int? WavSampleRate { get; private set; }

    /// <summary>Gets the WAV bits per sample.</summary>
    public int? WavBitsPerSample { get; private set; }

    /// <summary>Gets the offset of the first sample in <see cref="Buffer"/> (after the <c>data</c> chunk header), for a WAV file.</summary>
    public int? WavDataOffset { get; private set; }

    /// <summary>Reads up to <see cref="Size"/> bytes of <paramref name="audio"/> and recognises them.</summary>
    /// <param name="audio">The caller's audio.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The head.</returns>
    public static async Task<AudioHead> ReadAsync(Stream audio, CancellationToken cancellationToken)
    {
        var buffer = new byte[Size];
        var read = await audio.ReadAtLeastAsync(buffer, Size, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var head = new AudioHead(buffer, read);
        if (head.Container == "wav")
        {
            head.ParseWav();
        }

        return head;
    }

    /// <summary>The container the bytes start with (<c>wav</c>, <c>mp3</c>, <c>aac</c>...), or <see langword="null"/>.</summary>
    /// <param name="b">The first bytes (a few hundred suffice).</param>
    /// <returns>The container name, or <see langword="null"/>.</returns>
    public static string? ContainerOf(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4)
        {
            return null;
        }

        return
            (At(b, 0, "RIFF"u8) || At(b, 0, "RF64"u8)) && At(b, 8, "WAVE"u8) ? "wav"
            : At(b, 0, "RIFF"u8) && At(b, 8, "AVI "u8) ? "avi"
            : At(b, 0, "ID3"u8) ? "mp3"
            : At(b, 0, "fLaC"u8) ? "flac"
            : At(b, 0, "OggS"u8) ? "ogg"
            : At(b, 4, "ftyp"u8) ? "mp4"
            : At(b, 0, [0x1A, 0x45, 0xDF, 0xA3]) ? "webm"
            : At(b, 0, "#!AMR"u8) ? "amr"
            : At(b, 0, "FORM"u8) && (At(b, 8, "AIFF"u8) || At(b, 8, "AIFC"u8)) ? "aiff"
            : At(b, 0, [0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11]) ? "asf"
            : b[0] == 0xFF && (b[1] & 0xF6) == 0xF0 ? "aac"
            : b[0] == 0xFF && (b[1] & 0xE0) == 0xE0 ? "mpeg"
            : null;
    }

    /// <summary>The audio media type of the container the bytes start with, or <see langword="null"/> (video containers too).</summary>
    /// <param name="b">The first bytes.</param>
    /// <returns>The media type, or <see langword="null"/>.</returns>
    public static string? MediaTypeOf(ReadOnlySpan<byte> b) => ContainerOf(b) switch
    {
        "wav" => "audio/wav",
        "mp3" or "mpeg" => "audio/mpeg",
        "flac" => "audio/flac",
        "ogg" => "audio/ogg",
        "mp4" => "audio/mp4",
        "webm" => "audio/webm",
        "amr" => "audio/amr",
        "aiff" => "audio/aiff",
        "aac" => "audio/aac",
        _ => null,
    };

    private static bool At(ReadOnlySpan<byte> b, int offset, ReadOnlySpan<byte> signature) =>
        b.Length >= offset + signature.Length && b.Slice(offset, signature.Length).SequenceEqual(signature);

    private void ParseWav()
    {
        var b = Buffer.AsSpan(0, Length);
        var offset = 12;
        while (offset + 8 <= b.Length)
        {
            var id = b.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(offset + 4, 4));
            var body = offset + 8;
            if (id.SequenceEqual("fmt "u8) && body + 16 <= b.Length)
            {
                WavFormat = BinaryPrimitives.ReadUInt16LittleEndian(b.Slice(body, 2));
                WavChannels = BinaryPrimitives.ReadUInt16LittleEndian(b.Slice(body + 2, 2));
                WavSampleRate = (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(body + 4, 4)));
                WavBitsPerSample = BinaryPrimitives.ReadUInt16LittleEndian(b.Slice(body + 14, 2));
            }
            else if (id.SequenceEqual("data"u8))
            {
                WavDataOffset = body;
                return;
            }

            // Chunks are word-aligned.
            var next = (long)body + size + (size & 1);
            if (next > b.Length)
            {
                return;
            }

            offset = (int)next;
        }
    }
}
