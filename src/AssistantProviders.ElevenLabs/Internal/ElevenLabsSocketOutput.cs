// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.ElevenLabs.Internal;

/// <summary>A <c>stream-input</c> server message: AsyncAPI <c>AudioOutput</c> or <c>FinalOutput</c> (camelCase), or an error object.</summary>
internal sealed class ElevenLabsSocketOutput
{
    [JsonPropertyName("audio")]
    public string? Audio { get; set; }

    [JsonPropertyName("isFinal")]
    public bool? IsFinal { get; set; }

    [JsonPropertyName("alignment")]
    public ElevenLabsSocketAlignment? Alignment { get; set; }

    [JsonPropertyName("normalizedAlignment")]
    public ElevenLabsSocketAlignment? NormalizedAlignment { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
