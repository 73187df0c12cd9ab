// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ElevenLabs.Internal;

/// <summary><c>ModelResponseModel</c> (an item of <c>GET /v1/models</c>, a bare JSON array).</summary>
internal sealed class ElevenLabsModelDto
{
    public string? ModelId { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public bool? CanDoTextToSpeech { get; set; }

    public int? MaximumTextLengthPerRequest { get; set; }

    public List<ElevenLabsLanguageDto>? Languages { get; set; }
}
