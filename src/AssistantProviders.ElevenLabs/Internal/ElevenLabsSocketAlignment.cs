// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.ElevenLabs.Internal;

/// <summary>AsyncAPI <c>Alignment</c> / <c>NormalizedAlignment</c>.</summary>
internal sealed class ElevenLabsSocketAlignment
{
    [JsonPropertyName("charStartTimesMs")]
    public List<int>? CharStartTimesMs { get; set; }

    [JsonPropertyName("charsDurationsMs")]
    public List<int>? CharsDurationsMs { get; set; }

    [JsonPropertyName("chars")]
    public List<string>? Chars { get; set; }
}
