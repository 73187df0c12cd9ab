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

    /// <summary>Images: the quality (<c>standard</c> or <c>hd</c> on DALL-E 3; <c>low</c>, <c>medium</c>, <c>high</c> or <c>auto</c> on GPT image models). The same key the image router prices by.</summary>
    public const string ImageQuality = "quality";

    /// <summary>Images (GPT image models): the background (<c>transparent</c>, <c>opaque</c>, <c>auto</c>).</summary>
    public const string ImageBackground = "background";

    /// <summary>Images (GPT image models): the moderation level (<c>low</c>, <c>auto</c>).</summary>
    public const string ImageModeration = "moderation";

    /// <summary>Images (GPT image models, jpeg or webp output): the compression level, 0-100.</summary>
    public const string ImageOutputCompression = "output_compression";

    /// <summary>Images (DALL-E 3): the style (<c>vivid</c>, <c>natural</c>).</summary>
    public const string ImageStyle = "style";

    /// <summary>Images: the end-user id sent as <c>user</c>.</summary>
    public const string ImageUser = "user";

    /// <summary>Image edits: a <see cref="Microsoft.Extensions.AI.DataContent"/> PNG whose transparent areas mark where the first image is edited.</summary>
    public const string ImageMask = "mask";

    /// <summary>Images (DALL-E 3): the key, on each image content's <c>AdditionalProperties</c>, of the prompt the model actually used.</summary>
    public const string ImageRevisedPrompt = "revised_prompt";
}
