// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers.Binary;

namespace AssistantProviders.Deepgram.Tests;

/// <summary>Small audio payloads written here, so the tests run in every clone.</summary>
internal static class TestAudio
{
    public const string Key = "dg-test-key-0123456789abcdef";

    /// <summary>A mono 16 kHz 16-bit WAV with <paramref name="dataBytes"/> bytes of silence.</summary>
    public static byte[] Wav(int dataBytes)
    {
        var data = new byte[44 + dataBytes];
        "RIFF"u8.CopyTo(data);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4), data.Length - 8);
        "WAVEfmt "u8.CopyTo(data.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(24), 16000);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(28), 32000);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(34), 16);
        "data"u8.CopyTo(data.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(40), dataBytes);
        return data;
    }
}
