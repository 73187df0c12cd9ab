// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ElevenLabs.Internal;

/// <summary><c>GetVoicesResponseModel</c> (<c>GET /v1/voices</c>).</summary>
internal sealed class ElevenLabsVoicesResponse
{
    public List<ElevenLabsVoiceDto>? Voices { get; set; }
}
