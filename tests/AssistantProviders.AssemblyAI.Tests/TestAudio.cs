// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.TestUtilities;

namespace AssistantProviders.AssemblyAI.Tests;

/// <summary>Small audio payloads written here, so the tests run in every clone.</summary>
internal static class TestAudio
{
    public const string Key = "aai-test-key-0123456789abcdef";

    /// <summary>A PCM WAV (44-byte header, <paramref name="sampleRate"/> Hz, mono, 16-bit) of <paramref name="dataBytes"/> bytes of a ramp.</summary>
    public static byte[] Wav(int dataBytes = 1600, int sampleRate = 16000, short channels = 1, short format = 1, short bits = 16) =>
        TestWav.Create(dataBytes, sampleRate, channels, format, bits);

    public static AssemblyAIClientOptions Options(Action<AssemblyAIClientOptions>? configure = null)
    {
        var options = new AssemblyAIClientOptions { ApiKey = Key };
        configure?.Invoke(options);
        return options;
    }

    public static AssemblyAISpeechToTextClient Client(ScriptedHandler handler, TimeProvider time, Action<AssemblyAIClientOptions>? configure = null) =>
        new(Options(configure), new HttpClient(handler), null, time);

    public const string Queued = """{"id":"tr_1","status":"queued","audio_url":"https://cdn.assemblyai.com/upload/x"}""";

    public const string Processing = """{"id":"tr_1","status":"processing"}""";

    public const string Uploaded = """{"upload_url":"https://cdn.assemblyai.com/upload/f756988d"}""";

    public static string Completed(string text = "Hello there.", int duration = 3) =>
        $$"""{"id":"tr_1","status":"completed","text":"{{text}}","audio_duration":{{duration}},"confidence":0.93,"language_code":"en_us","speech_model_used":"universal-2"}""";
}
