// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>The body of <c>GET /v1/models</c> (<c>ListModelsV1Response</c>): the speech-to-text and text-to-speech models.</summary>
internal sealed class DeepgramModelsResponse
{
    public List<DeepgramSttModelDto>? Stt { get; set; }

    public List<DeepgramTtsModelDto>? Tts { get; set; }
}
