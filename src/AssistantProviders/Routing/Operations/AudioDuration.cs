// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers.Binary;

namespace AssistantProviders.Routing;

/// <summary>
/// The audio duration the speech router reserves a budget for before a transcription: exact for a WAV file (its data size over
/// its byte rate), else an upper bound for compressed audio of a known length (16 kbit/s, below any speech codec in use), else
/// unknown (a live stream).
/// </summary>
internal static class AudioDuration
{
    private const double FloorBytesPerSecond = 16_000 / 8d;

    /// <summary>Estimates the minutes of audio in a seekable stream, leaving its position where it was.</summary>
    /// <param name="audio">The audio.</param>
    /// <returns>The minutes, or <see langword="null"/> when the stream cannot tell.</returns>
    public static double? EstimateMinutes(Stream audio)
    {
        if (!audio.CanSeek)
        {
            return null;
        }

        var start = audio.Position;
        var length = audio.Length - start;
        if (length <= 0)
        {
            return 0d;
        }

        Span<byte> header = stackalloc byte[512];
        int read;
        try
        {
            read = audio.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        finally
        {
            audio.Position = start;
        }

        return Wav(header[..read], length) is { } seconds ? seconds / 60d : length / FloorBytesPerSecond / 60d;
    }

    /// <summary>The seconds of a RIFF/WAVE file from its <c>fmt </c> byte rate and <c>data</c> size (capped by the real length).</summary>
    internal static double? Wav(ReadOnlySpan<byte> header, long totalLength)
    {
        if (header.Length < 12 || !header[..4].SequenceEqual("RIFF"u8) || !header.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            return null;
        }

        uint byteRate = 0;
        var offset = 12;
        while (offset + 8 <= header.Length)
        {
            var id = header.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(offset + 4, 4));
            if (id.SequenceEqual("fmt "u8) && offset + 16 <= header.Length)
            {
                byteRate = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(offset + 16, 4));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (byteRate == 0)
                {
                    return null;
                }

                var available = Math.Max(0, totalLength - offset - 8);
                var data = size is 0 or uint.MaxValue ? available : Math.Min(size, available);
                return data / (double)byteRate;
            }

            offset += 8 + (int)Math.Min(size + (size & 1), int.MaxValue - 16);
        }

        return null;
    }
}
