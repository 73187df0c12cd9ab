// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers.Binary;

namespace AssistantProviders.TestUtilities;

/// <summary>Small WAV files written in code, so speech tests run in every clone.</summary>
public static class TestWav
{
    /// <summary>
    /// A WAV file with a 44-byte header (<paramref name="format"/> 1 = PCM, 7 = mu-law) and <paramref name="dataBytes"/> bytes of
    /// samples: a ramp, or silence.
    /// </summary>
    /// <param name="dataBytes">The bytes of samples after the header.</param>
    /// <param name="sampleRate">The sample rate in Hz.</param>
    /// <param name="channels">The channel count.</param>
    /// <param name="format">The WAV format tag.</param>
    /// <param name="bits">The bits per sample.</param>
    /// <param name="silence">Whether the samples are zero (else a ramp).</param>
    /// <returns>The file's bytes.</returns>
    public static byte[] Create(int dataBytes = 1600, int sampleRate = 16000, short channels = 1, short format = 1, short bits = 16, bool silence = false)
    {
        var data = new byte[44 + dataBytes];
        "RIFF"u8.CopyTo(data);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4), data.Length - 8);
        "WAVEfmt "u8.CopyTo(data.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(20), format);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(22), channels);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(28), sampleRate * channels * bits / 8);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(32), (short)(channels * bits / 8));
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(34), bits);
        "data"u8.CopyTo(data.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(40), dataBytes);
        if (!silence)
        {
            for (var i = 44; i < data.Length; i++)
            {
                data[i] = (byte)(i * 7);
            }
        }

        return data;
    }
}
