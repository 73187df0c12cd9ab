// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ElevenLabs.Internal;

/// <summary><c>DeleteVoiceResponseModel</c> (<c>DELETE /v1/voices/{voice_id}</c>).</summary>
internal sealed class ElevenLabsDeleteVoiceResponse
{
    public string? Status { get; set; }
}
