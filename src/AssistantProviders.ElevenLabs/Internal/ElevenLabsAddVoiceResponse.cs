// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ElevenLabs.Internal;

/// <summary>The answer of <c>POST /v1/voices/add</c> (<c>AddVoiceIVCResponseModel</c>: not in the trimmed spec).</summary>
internal sealed class ElevenLabsAddVoiceResponse
{
    public string? VoiceId { get; set; }

    public bool? RequiresVerification { get; set; }
}
