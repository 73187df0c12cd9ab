// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ElevenLabs.Internal;

/// <summary>One synthesis as resolved from the options: voice, model, output format, voice settings and the body.</summary>
/// <param name="VoiceId">The voice.</param>
/// <param name="ModelId">The model.</param>
/// <param name="OutputFormat">The native output format.</param>
/// <param name="Request">The body (HTTP) whose voice settings the socket reuses.</param>
internal sealed record ElevenLabsSpeechPlan(string VoiceId, string ModelId, string OutputFormat, ElevenLabsSpeechRequest Request)
{
    /// <summary>Gets the media type of the audio.</summary>
    public string MediaType => ElevenLabsOutputFormat.MediaType(OutputFormat);
}
