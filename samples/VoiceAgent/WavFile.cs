// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers.Binary;

namespace VoiceAgent;

/// <summary>Reads the byte rate of a PCM WAV file, writes a PCM WAV header, and makes a short tone when no audio file is given.</summary>
internal static class WavFile
{
    /// <summary>Gets the byte rate (bytes per second) of a RIFF/WAVE file, or 32 000 (16 kHz, 16-bit mono) when it cannot tell.</summary>
    public static int ByteRate(ReadOnlySpan<byte> file)
    {
        for (var offset = 12; offset + 8 <= file.Length && file.Length >= 12 && file[..4].SequenceEqual("RIFF"u8); )
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(offset + 4, 4));
            if (file.Slice(offset, 4).SequenceEqual("fmt "u8) && offset + 20 <= file.Length)
            {
                return BinaryPrimitives.ReadInt32LittleEndian(file.Slice(offset + 16, 4));
            }

            offset += 8 + Math.Max(0, size);
        }

        return 32_000;
    }

    /// <summary>Wraps 16-bit mono PCM in a WAV header.</summary>
    public static byte[] FromPcm(ReadOnlySpan<byte> pcm, int sampleRate)
    {
        var bytes = new byte[44 + pcm.Length];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 36 + pcm.Length);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), pcm.Length);
        pcm.CopyTo(bytes.AsSpan(44));
        return bytes;
    }

    /// <summary>Makes a 2-second 440 Hz tone at 16 kHz, 16-bit mono.</summary>
    public static byte[] Tone()
    {
        const int rate = 16_000;
        var pcm = new byte[rate * 2 * 2];
        for (var i = 0; i < pcm.Length / 2; i++)
        {
            var sample = (short)(Math.Sin(2 * Math.PI * 440 * i / rate) * 8000);
            BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(i * 2), sample);
        }

        return FromPcm(pcm, rate);
    }
}
