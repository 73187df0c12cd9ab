// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers.Binary;
using System.Text;

namespace AssistantProviders.Emulator.Internal;

/// <summary>Small, valid audio payloads for the text-to-speech endpoints.</summary>
internal static class AudioPayloads
{
    private const int SampleRate = 16_000;

    /// <summary>A mono 16-bit PCM WAV file of a short 440 Hz beep whose length grows with the text.</summary>
    public static byte[] Wav(string text)
    {
        var pcm = Pcm(text);
        var wav = new byte[44 + pcm.Length];
        var span = wav.AsSpan();
        Encoding.ASCII.GetBytes("RIFF").CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + pcm.Length);
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        Encoding.ASCII.GetBytes("data").CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], pcm.Length);
        pcm.CopyTo(span[44..]);
        return wav;
    }

    /// <summary>Raw 16-bit little-endian mono PCM at 16 kHz (about 50 ms per word).</summary>
    public static byte[] Pcm(string text)
    {
        var samples = SampleRate / 20 * Math.Max(1, Deterministic.CountTokens(text));
        var pcm = new byte[samples * 2];
        for (var i = 0; i < samples; i++)
        {
            var value = (short)(Math.Sin(2 * Math.PI * 440 * i / SampleRate) * 3000);
            BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(i * 2), value);
        }

        return pcm;
    }

    /// <summary>An ID3-less stream of silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz), one frame per word.</summary>
    public static byte[] Mp3(string text)
    {
        const int frameLength = 417;
        var frames = Math.Max(1, Deterministic.CountTokens(text));
        var mp3 = new byte[frames * frameLength];
        for (var f = 0; f < frames; f++)
        {
            var frame = mp3.AsSpan(f * frameLength);
            frame[0] = 0xFF;
            frame[1] = 0xFB;
            frame[2] = 0x90;
            frame[3] = 0x64;
        }

        return mp3;
    }
}
