// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.TestUtilities;

namespace AssistantProviders.Deepgram.Tests;

/// <summary>Small audio payloads written here, so the tests run in every clone.</summary>
internal static class TestAudio
{
    public const string Key = "dg-test-key-0123456789abcdef";

    /// <summary>A mono 16 kHz 16-bit WAV with <paramref name="dataBytes"/> bytes of silence.</summary>
    public static byte[] Wav(int dataBytes) => TestWav.Create(dataBytes, silence: true);
}
