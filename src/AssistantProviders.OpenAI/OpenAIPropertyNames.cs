// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared.OpenAIWire;

namespace AssistantProviders.OpenAI;

/// <summary>Keys of OpenAI-only request knobs read from the MEAI options' <c>AdditionalProperties</c>.</summary>
public static class OpenAIPropertyNames
{
    /// <summary>Speech-to-text: a prompt that guides the transcription's style or vocabulary (<c>prompt</c>).</summary>
    public const string TranscriptionPrompt = OpenAIWireSpeechToTextClient.PromptKey;

    /// <summary>Speech-to-text: the sampling temperature (<c>temperature</c>).</summary>
    public const string TranscriptionTemperature = OpenAIWireSpeechToTextClient.TemperatureKey;

    /// <summary>Speech-to-text: the response format (<c>json</c>, <c>verbose_json</c>, <c>text</c>, <c>srt</c>, <c>vtt</c>).</summary>
    public const string TranscriptionResponseFormat = OpenAIWireSpeechToTextClient.ResponseFormatKey;

    /// <summary>Speech-to-text: the file name sent with the audio; its extension tells OpenAI the format (default <c>audio.wav</c>).</summary>
    public const string AudioFileName = OpenAIWireSpeechToTextClient.FileNameKey;

    /// <summary>Text-to-speech: voice instructions for <c>gpt-4o-mini-tts</c> (<c>instructions</c>).</summary>
    public const string SpeechInstructions = OpenAIWireTextToSpeechClient.InstructionsKey;
}
