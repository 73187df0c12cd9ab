// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ElevenLabs.Internal;

/// <summary><c>LanguageResponseModel</c>.</summary>
internal sealed class ElevenLabsLanguageDto
{
    public string? LanguageId { get; set; }

    public string? Name { get; set; }
}
